package org.w3id.stalinkg.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The types a canned query's parameter may have, each turning a request value into one RDF term or refusing it
 * with a message a client can act on. The value is bound to the query's variable by the engine; it never becomes
 * query text.
 */
public enum ParamType {

    /** An IRI: absolute {@code http(s)} IRI, or a short name resolved against our ids ({@code goal/industrialization}). */
    IRI("iri", "an IRI (http or https) or a short name such as goal/industrialization"),
    /** Any text, at most {@value #MAX_STRING} characters; an xsd:string literal. */
    STRING("string", "text of at most " + ParamType.MAX_STRING + " characters"),
    /** A BCP 47 language tag such as {@code en} or {@code uk}; an xsd:string literal. */
    LANG("lang", "a language tag such as en, ru, uk or kk"),
    /** A whole number; an xsd:integer literal. */
    INTEGER("integer", "a whole number"),
    /** A year of the common era, 1 to 9999; an xsd:integer literal, comparable with skg:startYear. */
    YEAR("year", "a year from 1 to 9999, such as 1937"),
    /** A calendar date {@code YYYY-MM-DD}; an xsd:date literal. */
    DATE("date", "a date such as 1932-11-07");

    /** The longest string value accepted. */
    public static final int MAX_STRING = 200;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KIND_SLUG = Pattern.compile("[a-z]+(-[a-z]+)*/[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANG_TAG = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern YEAR_TEXT = Pattern.compile("[0-9]{1,4}");
    private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String keyword;
    private final String expected;

    ParamType(String keyword, String expected) {
        this.keyword = keyword;
        this.expected = expected;
    }

    /** The word that names this type in a query header ({@code iri}, {@code year}, ...). */
    public String keyword() {
        return keyword;
    }

    /** What a valid value looks like, for messages and documentation. */
    public String expected() {
        return expected;
    }

    /** The type named {@code keyword} in a header, or null. */
    public static ParamType byKeyword(String keyword) {
        for (ParamType t : values()) {
            if (t.keyword.equals(keyword)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The RDF term for {@code value}.
     *
     * @param kind for {@link #IRI}, the kind of thing a bare slug names ({@code goal} resolves {@code industrialization}
     *             to {@code .../id/goal/industrialization}); null if a bare slug is not allowed
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public Node parse(String value, String kind) {
        return parse(value, kind, SKG.ID_BASE);
    }

    /** As {@link #parse(String, String)}, short names of things read under the namespace {@code things}. */
    public Node parse(String value, String kind, String things) {
        switch (this) {
            case IRI:
                return NodeFactory.createURI(iri(value, kind, things));
            case STRING:
                if (value.length() > MAX_STRING) {
                    throw invalid("is longer than " + MAX_STRING + " characters");
                }
                if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                    throw invalid("holds a control character");
                }
                return NodeFactory.createLiteralString(value);
            case LANG:
                require(LANG_TAG.matcher(value).matches());
                return NodeFactory.createLiteralString(value.toLowerCase(java.util.Locale.ROOT));
            case INTEGER:
                require(INTEGER_TEXT.matcher(value).matches());
                return NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value)), XSDDatatype.XSDinteger);
            case YEAR:
                require(YEAR_TEXT.matcher(value).matches() && Integer.parseInt(value) >= 1);
                return NodeFactory.createLiteralDT(Integer.toString(Integer.parseInt(value)), XSDDatatype.XSDinteger);
            case DATE:
                require(DATE_TEXT.matcher(value).matches());
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException ex) {
                    throw invalid("is not a calendar date");
                }
                return NodeFactory.createLiteralDT(value, XSDDatatype.XSDdate);
            default:
                throw new IllegalStateException(name());
        }
    }

    private String iri(String value, String kind, String things) {
        if (kind != null && SLUG.matcher(value).matches()) {
            return things + kind + "/" + value;
        }
        if (KIND_SLUG.matcher(value).matches()) {
            return things + value;
        }
        if (!(value.startsWith("http://") || value.startsWith("https://"))) {
            throw invalid("is neither an http(s) IRI nor a short name");
        }
        try {
            IRIx iri = IRIx.create(value);
            if (!iri.isReference() || iri.isRelative() || iri.hasViolations()) {
                throw invalid("is not a valid absolute IRI");
            }
            return iri.str();
        } catch (IRIException ex) {
            throw invalid("is not a valid IRI");
        }
    }

    private void require(boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException("the value is not " + expected);
        }
    }

    private IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("the value " + why + "; expected " + expected);
    }
}
