package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The nesting depth read before parsing: brackets count, those in literals, IRIs and comments do not. */
class TestQueryNesting {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT * WHERE { ?s ?p ?o }                                           | 1",
        "SELECT * WHERE { { ?s ?p ?o } UNION { ?s ?p ( 1 2 ) } }               | 3",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o < 3) }             | 2",
        "SELECT * WHERE { ?s ?p \"{{{((([[[\" }                                | 1",
        "SELECT * WHERE { ?s ?p '''{{{\\n(((''' }                               | 1",
        "SELECT * WHERE { ?s <http://example.org/a(b)#c> ?o } # {{{{{{        | 1",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o<3 && (?o>1)) }                    | 3",
        "SELECT * WHERE { ?s ?p \"a\\\"{{\" }                                   | 1",
    })
    void bracketsOutsideLiteralsIrisAndCommentsCount(String query, int depth) {
        assertEquals(depth, QueryNesting.depth(query.replace("\\n", "\n")));
    }
}
