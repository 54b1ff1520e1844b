package org.w3id.stalinkg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.ContentStats;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.ProvenanceLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stats}: the coverage report: the seed's claims per section and their status, and the sources of statements. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Load and validate as validate does, then print the coverage report: per section of the seed article, "
                + "the claims extracted and how many are confirmed, disputed or corrected "
                + "(queries/claims-coverage.rq); the statements that carry a source; the statements that need one "
                + "and have none; and the content by topic area (things, dated events, sources with an identifier, "
                + "page citations, Wikidata links, located places, labels per language).",
            "Exit status: 0, or 1 if the graph does not load or a statement that needs a source has none."})
final class StatsCmd implements Callable<Integer> {

    /** The canned query that counts the claims per section. */
    static final String COVERAGE_QUERY = "queries/claims-coverage.rq";

    @Mixin
    DataOptions data = new DataOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeGraph kg = data.graphOrExplain(err);
        if (kg == null) {
            return 1;
        }
        Path coverageFile = data.root.resolve(COVERAGE_QUERY);
        Query coverage = QueryFactory.create(Files.readString(coverageFile), Syntax.syntaxSPARQL_11);
        out.printf("Triples served: %,d%n%n", kg.size());
        out.println("Claims of the seed article per section (" + COVERAGE_QUERY + "):");
        out.print(table(kg, coverage));
        long[] sourced = ProvenanceLib.sourcedStatements(kg);
        List<Triple> unsourced = ProvenanceLib.unsourcedStatements(kg);
        out.printf("%nStatements with a source: %,d (of which resting on a quoted sentence of the seed: %,d)%n",
                sourced[0], sourced[1]);
        out.printf("Statements that need a source and have none: %,d%n", unsourced.size());
        unsourced.forEach(t -> out.println("  " + t));
        out.printf("%nContent by topic area (each thing counted in the data file that first types it):%n");
        out.print(areaTable(ContentStats.byArea(kg, data.root.resolve("data"))));
        out.flush();
        return unsourced.isEmpty() ? 0 : 1;
    }

    /** Things, events dated 1922-1956, sources, citations, links, places and labels, one line per area. */
    static String areaTable(List<ContentStats.Area> areas) {
        StringBuilder out = new StringBuilder(String.format("%-22s %6s %8s %7s %8s %9s %9s %9s %9s  %s%n",
                "area", "typed", "history", "events", "sources", "with id", "page-cit", "wikidata", "located", "labels"));
        for (ContentStats.Area a : areas) {
            StringBuilder labels = new StringBuilder();
            a.labels.forEach((lang, n) -> labels.append(labels.length() == 0 ? "" : " ").append(lang).append('=').append(n));
            out.append(String.format("%-22s %6d %8d %7d %8d %9d %9d %9d %4d/%-4d  %s%n", a.name, a.typed, a.things,
                    a.datedEvents,
                    a.publishedSources, a.identifiedSources, a.pageCitedNodes, a.wikidataLinks, a.locatedRegions,
                    a.regions, labels));
        }
        out.append("typed: every IRI with a class of the ontology (claims, sources, estimates included); history: people,")
                .append(" institutions,\npolicies, outcomes, events, regions, groups, goals, offices; events: dated 1922-1956;\n")
                .append("sources: published works; with id: ISBN-13, DOI or stable URL; page-cit: statements,")
                .append(" estimates and corrections citing a page; located: regions with a point or outline.\n");
        return out.toString();
    }

    private static String table(KnowledgeGraph kg, Query query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Txn.executeRead(kg.dataset(), () -> {
            RowSet rows = QueryExec.dataset(kg.dataset()).query(query).select();
            ResultSetFormatter.out(bytes, ResultSet.adapt(rows), query.getPrologue());
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
