package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request values become RDF terms, or are refused with a message saying what was expected. */
class TestParamType {

    @Test
    void shortNamesResolveToOurIris() {
        assertEquals("https://w3id.org/stalin-kg/id/goal/industrialization",
                ParamType.IRI.parse("industrialization", "goal").getURI());
        assertEquals("https://w3id.org/stalin-kg/id/policy/great-purge",
                ParamType.IRI.parse("policy/great-purge", null).getURI());
        assertEquals("https://w3id.org/stalin-kg/id/goal/industrialization",
                ParamType.IRI.parse("https://w3id.org/stalin-kg/id/goal/industrialization", "goal").getURI());
        assertEquals("https://w3id.org/stalin-kg/ontology#servesGoal",
                ParamType.IRI.parse("https://w3id.org/stalin-kg/ontology#servesGoal", null).getURI());
    }

    @Test
    void typedValuesBecomeTypedLiterals() {
        Node year = ParamType.YEAR.parse("1937", null);
        assertEquals(XSDDatatype.XSDinteger, year.getLiteralDatatype());
        assertEquals("1937", year.getLiteralLexicalForm());
        assertEquals(XSDDatatype.XSDdate, ParamType.DATE.parse("1932-11-07", null).getLiteralDatatype());
        assertEquals("-12", ParamType.INTEGER.parse("-012", null).getLiteralLexicalForm());
        assertEquals("uk", ParamType.LANG.parse("UK", null).getLiteralLexicalForm());
        Node text = ParamType.STRING.parse("\" } UNION { ?s ?p ?o } #", null);
        assertEquals("\" } UNION { ?s ?p ?o } #", text.getLiteralLexicalForm(), "text is kept verbatim, as a literal");
    }

    @ParameterizedTest(name = "iri {0}")
    @ValueSource(strings = {"x> } UNION { ?s ?p ?o } #", "http://a> } SERVICE <http://evil/> {", "Industrialization",
        "goal/../etc", "file:///etc/passwd", "javascript:alert(1)", "http://exa mple.org/", "<http://a>", ""})
    void badIrisAreRefused(String value) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ParamType.IRI.parse(value, "goal"));
        assertTrue(ex.getMessage().contains("expected an IRI"), ex.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "lang    ; en\") || true || (\"",
        "lang    ; e n",
        "integer ; 1 || true",
        "integer ; 1e3",
        "integer ; 99999999999999999999",
        "year    ; 1937 } UNION { ?s ?p ?o",
        "year    ; 0",
        "year    ; 19370",
        "date    ; 1932-01-01\"^^xsd:date) || true #",
        "date    ; 1932-02-30",
        "date    ; 1932-1-1",
    })
    void badTypedValuesAreRefused(String type, String value) {
        ParamType t = ParamType.byKeyword(type);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> t.parse(value, null));
        assertTrue(ex.getMessage().contains("expected") || ex.getMessage().startsWith("the value is not "),
                ex.getMessage());
    }

    @Test
    void aYearOutOfRangeIsRefusedStatingTheRange() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ParamType.YEAR.parse("99999", null));
        assertEquals("the value is not a year from 1 to 9999, such as 1937", ex.getMessage());
    }

    @Test
    void longOrControlStringsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParamType.STRING.parse("x".repeat(201), null));
        assertThrows(IllegalArgumentException.class, () -> ParamType.STRING.parse("a\u0000b", null));
    }
}
