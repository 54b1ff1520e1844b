package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a subject's block begins: the first file, then the first line, under the prefixes declared above it. */
class TestSubjectLocator {

    @TempDir
    Path tmp;

    @Test
    void findsTheFirstLineThatStartsWithTheSubject() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.ttl"), """
                @prefix ex: <https://example.org/a/> .
                # ex:commented is not a subject
                ex:one a ex:Thing ;
                    ex:knows ex:two .
                <https://example.org/b/three> ex:p 1 .
                ex:onex ex:p 1 .
                @prefix ex: <https://example.org/b/> .
                ex:four ex:p 1 .
                """);
        Path b = Files.writeString(tmp.resolve("b.ttl"), """
                @prefix : <https://example.org/a/> .
                :one :p 2 .
                :two
                    :p 2 .
                """);
        SubjectLocator locator = new SubjectLocator(List.of(a, b));
        assertEquals(Optional.of(a + ":3"), locator.locate("https://example.org/a/one"));
        assertEquals(Optional.of(b + ":3"), locator.locate("https://example.org/a/two"));
        assertEquals(Optional.of(a + ":5"), locator.locate("https://example.org/b/three"));
        assertEquals(Optional.of(a + ":8"), locator.locate("https://example.org/b/four"));
        assertEquals(Optional.of(a + ":6"), locator.locate("https://example.org/a/onex"));
        assertEquals(Optional.empty(), locator.locate("https://example.org/a/four"));
        assertEquals(Optional.empty(), locator.locate("https://example.org/a/commented"));
    }
}
