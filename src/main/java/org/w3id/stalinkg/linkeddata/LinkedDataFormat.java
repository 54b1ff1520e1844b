package org.w3id.stalinkg.linkeddata;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;

/**
 * The variants of a linked-data document, as a table with their media types and file extensions. Chosen by file
 * extension when the URL has one (links people share), else by {@code Accept} with its q-values. The order is the
 * preference when several fit equally: Turtle first, so a client that sends {@code *}{@code /*} (curl, most
 * libraries) gets Turtle; HTML only when asked for by name, as browsers do ({@code text/html} at q=1, {@code *}{@code /*}
 * lower).
 */
public enum LinkedDataFormat {

    TURTLE("text/turtle", "ttl", Lang.TURTLE),
    JSON_LD("application/ld+json", "jsonld", Lang.JSONLD),
    RDF_XML("application/rdf+xml", "rdf", Lang.RDFXML),
    N_TRIPLES("application/n-triples", "nt", Lang.NTRIPLES),
    HTML("text/html", "html", null);

    private final String mediaType;
    private final String extension;
    private final Lang lang;

    LinkedDataFormat(String mediaType, String extension, Lang lang) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.lang = lang;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header value, with the charset for text formats. */
    public String contentType() {
        return this == RDF_XML ? mediaType : mediaType + "; charset=utf-8";
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Jena's language for RDF formats; null for HTML. */
    public Lang lang() {
        return lang;
    }

    public boolean isRdf() {
        return lang != null;
    }

    /** The format with file extension {@code ext}, or null. */
    public static LinkedDataFormat byExtension(String ext) {
        for (LinkedDataFormat f : values()) {
            if (f.extension.equals(ext)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The best variant for an {@code Accept} header; Turtle when there is none.
     *
     * @return null when nothing acceptable can be produced (the caller answers 406)
     */
    public static LinkedDataFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return TURTLE;
        }
        AcceptList proposal;
        try {
            proposal = new AcceptList(accept);
        } catch (RuntimeException ex) {
            return TURTLE;
        }
        // XHTML is served as HTML; Jena's AcceptList does not know aliases, so offer it as its own type.
        List<String> offers = Arrays.stream(values()).map(LinkedDataFormat::mediaType).collect(Collectors.toList());
        offers.add("application/xhtml+xml");
        MediaType chosen = AcceptList.match(proposal, AcceptList.create(offers.toArray(String[]::new)));
        if (chosen == null) {
            return null;
        }
        String type = chosen.getContentTypeStr();
        if (type.equals("application/xhtml+xml")) {
            return HTML;
        }
        for (LinkedDataFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return f;
            }
        }
        return null;
    }

    /** "text/turtle (.ttl), ..." for messages. */
    public static String describeAll() {
        return Arrays.stream(values()).map(f -> f.mediaType + " (." + f.extension + ")").collect(Collectors.joining(", "));
    }
}
