package org.w3id.stalinkg.cli;

import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.OntologyReleasesLib;
import org.w3id.stalinkg.server.ServedData;
import org.w3id.stalinkg.server.ServerSettings;
import org.w3id.stalinkg.store.RemoteStore;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Serving the data of an external SPARQL 1.1 store instead of loading {@code data/}: the options of {@code serve}
 * for a deployment that has outgrown one machine (docs/scaling.md).
 *
 * <pre>
 * java -jar stalin-kg.jar serve --sparql-endpoint http://store.internal:3030/ds/sparql
 * </pre>
 */
final class RemoteOptions {

    /**
     * The options that only make sense when the data is loaded here, refused with {@code --sparql-endpoint}. None
     * yet: every other option of serve applies to both (the time limits bound the store's queries, the cache keeps
     * its answers, a reload reads the ontology and the queries again). One that names local storage (a TDB2
     * folder, say) belongs here.
     */
    static final List<String> LOCAL_ONLY = List.of("--tdb2");

    /** How long answers read from the store are kept and may be reused, by default. */
    static final int DEFAULT_FRESHNESS_SECONDS = 60;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String endpoint;

    int freshnessSeconds;

    @Option(names = "--sparql-endpoint", paramLabel = "URL",
            description = "Answer from the SPARQL 1.1 query endpoint URL (any store holding the data of our dump) "
                    + "instead of loading data/; ontology/ and queries/ are still read from --root. Starts even if "
                    + "the store is down; queries answer 502 until it is up.")
    void endpoint(String url) {
        endpoint = OptionsLib.require(spec, "--sparql-endpoint", url, isEndpoint(url),
                "must be an absolute http(s) URL, e.g. http://store.example.org:3030/ds/sparql");
    }

    @Option(names = "--endpoint-cache-seconds", paramLabel = "SECONDS",
            defaultValue = "" + DEFAULT_FRESHNESS_SECONDS,
            description = "With --sparql-endpoint: how long answers read from the store are kept, and may be reused "
                    + "by clients (Cache-Control max-age) (default: ${DEFAULT-VALUE}).")
    void freshnessSeconds(int seconds) {
        freshnessSeconds = OptionsLib.require(spec, "--endpoint-cache-seconds", seconds, seconds >= 1,
                "must be 1 or more");
    }

    /** True if the data is in an external store. */
    boolean enabled() {
        return endpoint != null;
    }

    /** True if {@link RemoteStore} takes {@code url} as its endpoint. */
    private static boolean isEndpoint(String url) {
        try {
            RemoteStore.checkEndpoint(url);
            return true;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Refuses {@link #LOCAL_ONLY} options given with {@code --sparql-endpoint}, as usage errors naming the option
     * (each option's own value was checked as it was parsed).
     */
    void check(CommandLine commandLine) {
        if (!enabled()) {
            return;
        }
        for (String option : LOCAL_ONLY) {
            if (commandLine.getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(commandLine, option + " cannot be used with --sparql-endpoint: "
                        + "the data is then in the external store, not here");
            }
        }
    }

    /**
     * The store, the ontology of {@code data}'s root and its canned queries. The store is not contacted: a server
     * may start while it is down.
     *
     * @param settings connecting to the store may take the shorter of the query time limits; a statistic of the
     *                 pages may take {@link ServerSettings#timeout()}
     */
    ServedData load(DataOptions data, ServerSettings settings) {
        Duration connect = settings.limits().apiTimeout().compareTo(settings.timeout()) < 0
                ? settings.limits().apiTimeout() : settings.timeout();
        Graph ontology = KnowledgeGraphLoader.forProject(data.root).loadOntology();
        RemoteStore store = new RemoteStore(endpoint, connect, settings.timeout(), Duration.ofSeconds(freshnessSeconds),
                ontology.getPrefixMapping().getNsPrefixMap());
        return new ServedData(store, ontology,
                OntologyReleasesLib.load(data.root.resolve("ontology").resolve("releases"), ontology), data.queries());
    }
}
