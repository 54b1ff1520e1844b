package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

/** The runner without a server: ETags, and how a store's failures become problems. */
class TestCannedQueryRunner {

    private static final CannedQuery GOALS = ProjectFiles.cannedQueries().get("goals");

    @Test
    void aTimeOutIs503WithRetryAfter() {
        CannedQueryRunner runner = new CannedQueryRunner(failing(new QueryCancelledException()), Duration.ofSeconds(1),
                10);
        ApiException ex = assertThrows(ApiException.class, () -> runner.answer(GOALS, Map.of(), ResultFormat.CSV));
        assertEquals(503, ex.status());
        assertTrue(ex.getMessage().contains("timed out"), ex.getMessage());
        assertEquals(ApiException.RETRY_AFTER_SECONDS, ex.problem().headers().get("Retry-After"));
        assertTrue(ex.problem().json().contains("\"status\": 503"), ex.problem().json());
    }

    @Test
    void aFailingStoreIs502WithItsReason() {
        CannedQueryRunner runner = new CannedQueryRunner(failing(new StoreException("the store could not be reached")),
                Duration.ofSeconds(1), 10);
        ApiException ex = assertThrows(ApiException.class, () -> runner.answer(GOALS, Map.of(), ResultFormat.CSV));
        assertEquals(502, ex.status());
        assertEquals("Bad Gateway", ex.problem().title());
        assertTrue(ex.problem().detail().contains("could not be reached"));
    }

    @Test
    void theEtagIsKnownBeforeTheQueryRunsAndDiffersByFormat() {
        CannedQueryRunner runner = new CannedQueryRunner(new LocalStore(ProjectFiles.bundledGraph()),
                Duration.ofSeconds(5), 10_000);
        String csv = runner.etag(GOALS, Map.of(), ResultFormat.CSV);
        assertTrue(csv.matches("\"[0-9a-f]{32}\""), csv);
        assertEquals(csv, runner.etag(GOALS, Map.of(), ResultFormat.CSV));
        assertNotEquals(csv, runner.etag(GOALS, Map.of(), ResultFormat.TSV));
        assertNull(new CannedQueryRunner(failing(new StoreException("x")), Duration.ofSeconds(1), 10)
                .etag(GOALS, Map.of(), ResultFormat.CSV), "no version, no ETag before the bytes");
    }

    @Test
    void rowsBeyondTheLimitAreCutAndSaySo() {
        CannedQueryRunner runner = new CannedQueryRunner(new LocalStore(ProjectFiles.bundledGraph()),
                Duration.ofSeconds(5), 3);
        CannedQueryRunner.Result r = runner.answer(GOALS, Map.of(), ResultFormat.JSON);
        assertTrue(r.capped());
        assertEquals(3, r.rows());
    }

    /** A store with no version whose every query fails with {@code failure}. */
    private static SparqlStore failing(RuntimeException failure) {
        return new SparqlStore() {
            @Override
            public <T> T query(Query query, Map<String, Node> bindings, Duration timeout,
                               Function<QueryExec, T> reader) {
                throw failure;
            }

            @Override
            public String things() {
                return org.w3id.stalinkg.vocab.SKG.ID_BASE;
            }

            @Override
            public boolean exists(String iri) {
                throw failure;
            }

            @Override
            public Graph describe(String iri) {
                throw failure;
            }

            @Override
            public List<Map<String, String>> searchNames(String text, String lang, int limit, Duration timeout) {
                throw failure;
            }

            @Override
            public String version() {
                return null;
            }

            @Override
            public Duration freshness() {
                return Duration.ofSeconds(60);
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public Map<String, Long> instanceCounts() {
                return Map.of();
            }
        };
    }
}
