package org.w3id.stalinkg.linkeddata;

import org.w3id.stalinkg.vocab.SKG;

/**
 * Where this deployment's things live: the one identity rule. By default every thing is named under the canonical
 * base {@value SKG#BASE} ({@code .../id/{kind}/{slug}}); a deployment under another base says so once ({@code
 * --base-url}), the data are loaded under it, and every RDF answer (SPARQL, documents, VoID, dumps) then names things
 * under it alike. The request (its Host header, X-Forwarded-Host, anything a client sends) never changes a name, and
 * vocabulary IRIs ({@value SKG#NS}) never move.
 * <p>
 * HTML pages link to things by local path ({@link #localPath}), so a person browses on any host.
 *
 * @param base the base URL, ending in "/"
 */
public record PublicBase(String base) {

    public PublicBase {
        if (base == null || !base.endsWith("/") || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("Illegal base URL=" + base
                    + " : must be an http or https URL ending in /");
        }
    }

    /** The canonical base: the deployment behind w3id.org. */
    public static PublicBase canonical() {
        return new PublicBase(SKG.BASE);
    }

    /** The base given, or the canonical base when none is. */
    public static PublicBase orCanonical(String base) {
        return base == null ? canonical() : new PublicBase(base);
    }

    /** The namespace of things: {@code base + "id/"}. */
    public String things() {
        return base + SKG.ID_PATH;
    }

    /** A URL of this deployment: {@code base + path} (path without a leading "/"). */
    public String resolve(String path) {
        return base + path;
    }

    /** True if {@code iri} names a thing of this deployment. */
    public boolean isThing(String iri) {
        return iri.startsWith(things());
    }

    /**
     * Where a page of this server shows {@code iri}: {@code /doc/KIND/SLUG} for a thing, {@code /ontology#Term} for a
     * term of the vocabulary, the IRI itself for anything else (Wikidata, a source's URL).
     */
    public String localPath(String iri) {
        if (isThing(iri)) {
            return "/doc/" + iri.substring(things().length());
        }
        if (iri.startsWith(SKG.NS)) {
            return "/ontology#" + iri.substring(SKG.NS.length());
        }
        return iri;
    }
}
