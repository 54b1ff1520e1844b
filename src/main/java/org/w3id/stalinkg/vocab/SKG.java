package org.w3id.stalinkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Constants for the stalin-kg ontology ({@code https://w3id.org/stalin-kg/ontology#}), in the manner of Jena's
 * {@code SKOS} class: one constant per term the code uses, so no IRI is a string scattered through the code.
 * The terms' definitions live in {@code ontology/stalin-kg.ttl}.
 */
public final class SKG {

    /** The ontology's IRI. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/stalin-kg/ontology";

    /** The namespace of the ontology's terms. */
    public static final String NS = ONTOLOGY_IRI + "#";

    /** The preferred prefix for {@link #NS}. */
    public static final String PREFIX = "skg";

    /** The canonical base of the project's IRIs: things under {@code id/}, the vocabulary under {@code ontology#}. */
    public static final String BASE = "https://w3id.org/stalin-kg/";

    /** The path of things under a base: {@code {base}id/{kind}/{slug}}. */
    public static final String ID_PATH = "id/";

    /** The canonical base of every thing's IRI: {@code https://w3id.org/stalin-kg/id/{kind}/{slug}}. */
    public static final String ID_BASE = BASE + ID_PATH;

    /** The IRI of a version of the ontology: {@code https://w3id.org/stalin-kg/ontology/X.Y.Z}. */
    public static String versionIri(String version) {
        return ONTOLOGY_IRI + "/" + version;
    }

    /** The named graph of the statements the curated files make. */
    public static final Resource GRAPH_ASSERTED =
            ResourceFactory.createResource("https://w3id.org/stalin-kg/graph/asserted");

    /** The named graph of the statements the loader derives: years of dates and what the ontology entails. */
    public static final Resource GRAPH_INFERRED =
            ResourceFactory.createResource("https://w3id.org/stalin-kg/graph/inferred");

    private SKG() {}

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }

    private static Property property(String localName) {
        return ResourceFactory.createProperty(NS + localName);
    }

    /** A course of action the Soviet state pursued to reach one or more political goals. */
    public static final Resource Policy = resource("Policy");

    /** An aim Stalin pursued. */
    public static final Resource PoliticalGoal = resource("PoliticalGoal");

    /** A consequence of one or more policies. */
    public static final Resource Outcome = resource("Outcome");

    /** A territory or polity, as it was at the time. */
    public static final Resource Region = resource("Region");

    /** When a period began: a literal carrying its precision (xsd:date, xsd:gYearMonth or xsd:gYear). */
    public static final Property startDate = property("startDate");

    /** When a period ended: a literal carrying its precision (xsd:date, xsd:gYearMonth or xsd:gYear). */
    public static final Property endDate = property("endDate");

    /** The calendar year of {@link #startDate}, derived by the loader as an xsd:integer. */
    public static final Property startYear = property("startYear");

    /** The calendar year of {@link #endDate}, derived by the loader as an xsd:integer. */
    public static final Property endYear = property("endYear");
}
