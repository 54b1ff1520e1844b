package org.w3id.stalinkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;

/** The server offers the dumps of a graph it can make them of in memory, and none of a larger one. */
class TestLocalStoreDumps {

    private static KnowledgeGraph kg;

    @BeforeAll
    static void load() {
        kg = KnowledgeGraphLoader.forProject(Path.of(".")).load();
    }

    @Test
    void theCuratedGraphsDumpsAreOffered() {
        LocalStore store = new LocalStore(kg);
        assertEquals(DumpLib.FORMATS.size(), store.dumpFiles().size());
        assertEquals(2 * DumpLib.FORMATS.size(), store.dumps().size(), "each dump and its .sha256");
    }

    @Test
    void aGraphAboveTheLimitOffersNone() {
        LocalStore store = new LocalStore(kg, kg.size() - 1);
        assertTrue(store.dumpFiles().isEmpty());
        assertTrue(store.dumps().isEmpty());
        assertTrue(new LocalStore(kg, kg.size()).dumpFiles().size() > 0, "the limit itself is allowed");
    }
}
