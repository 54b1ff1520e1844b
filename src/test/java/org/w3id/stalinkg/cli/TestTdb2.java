package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.graph.LabelIndex;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.graph.OpenFiles;
import org.w3id.stalinkg.graph.Tdb2Lib;
import org.w3id.stalinkg.server.DataHolder;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServedData;
import org.w3id.stalinkg.server.ServerSettings;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine;

/**
 * {@code load --tdb2} and {@code serve --tdb2}: the curated data written to a TDB2 database and served from it gives
 * the same answers as the in-memory server; a broken file, a missing or half-written database and an occupied folder
 * are refused with one clear line.
 */
class TestTdb2 {

    @TempDir
    static Path tmp;

    private static Path db;
    private static String loadOutput;
    private static FusekiServer memory;
    private static FusekiServer tdb2;
    private static String memoryBase;
    private static String tdb2Base;
    private static DataHolder tdb2Holder;
    private static DataOptions tdb2Data;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void loadAndServeBoth() {
        db = tmp.resolve("db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "load", "--tdb2", db.toString()), err.toString() + out);
        loadOutput = out.toString();
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0));
        memory = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings).start();
        memoryBase = "http://127.0.0.1:" + memory.getHttpPort();
        tdb2Data = new DataOptions();
        tdb2Data.root = ProjectFiles.ROOT;
        tdb2Data.tdb2 = db;
        // What serve --tdb2 does before it blocks: read the queries, open the database, build the server.
        tdb2Holder = new DataHolder(ServeCmd.load(tdb2Data));
        tdb2 = KgServer.build(tdb2Holder, settings, new SimpleMeterRegistry()).start();
        tdb2Base = "http://127.0.0.1:" + tdb2.getHttpPort();
    }

    @AfterAll
    static void stop() {
        for (FusekiServer s : new FusekiServer[] {memory, tdb2}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    /** Lines sorted, blank node labels made equal: engines number blank nodes and order ties their own way. */
    private static String canonical(String body) {
        return body.lines().map(l -> l.replaceAll("_:[A-Za-z0-9]+", "_:b")).sorted().collect(Collectors.joining("\n"));
    }

    /**
     * A TSV answer made canonical: also the parts of each plain string cell sorted, because SPARQL leaves the order
     * of GROUP_CONCAT's values open, and the in-memory store and TDB2 list them in different orders
     * ("Czech Republic, Slovakia" and "Slovakia, Czech Republic").
     */
    private static String canonicalTable(String tsv) {
        return canonical(tsv.lines().map(line -> Stream.of(line.split("\t", -1))
                .map(cell -> cell.matches("\"[^\"]*\"")
                        ? Stream.of(cell.substring(1, cell.length() - 1).split("; |, | ")).sorted()
                                .collect(Collectors.joining(" "))
                        : cell)
                .collect(Collectors.joining("\t"))).collect(Collectors.joining("\n")));
    }

    @Test
    void loadPrintsCountsAndTimeAndWritesTheManifestBesideTheDatabase() {
        assertTrue(loadOutput.matches("(?s).*loaded [0-9,]+ triples \\([0-9,]+ asserted, [0-9,]+ inferred\\) from "
                + "[0-9,]+ files into .* in [0-9.]+ s.*"), loadOutput);
        assertTrue(Tdb2Lib.isDatabase(db));
        assertTrue(Files.isRegularFile(db.resolve(Tdb2Lib.ONTOLOGY)));
        String size = String.format("%,d", ProjectFiles.bundledGraph().size());
        assertTrue(loadOutput.contains("loaded " + size + " triples"), size + "\n" + loadOutput);
    }

    static Stream<String> queryNames() {
        return ProjectFiles.cannedQueries().all().stream().map(CannedQuery::name);
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void cannedQueryWithItsExamplesAnswersAsTheInMemoryServer(String name) throws Exception {
        CannedQuery query = ProjectFiles.cannedQueries().get(name);
        String params = query.params().stream().filter(p -> p.example() != null)
                .map(p -> p.name() + "=" + URLEncoder.encode(p.example(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        boolean graph = !query.query().isSelectType() && !query.query().isAskType();
        String accept = graph ? "application/n-triples" : "text/tab-separated-values";
        String path = "/api/" + name + (params.isEmpty() ? "" : "?" + params);
        HttpResponse<String> fromMemory = get(memoryBase + path, accept);
        HttpResponse<String> fromTdb2 = get(tdb2Base + path, accept);
        assertEquals(200, fromMemory.statusCode(), fromMemory.body());
        assertEquals(200, fromTdb2.statusCode(), fromTdb2.body());
        assertTrue(fromTdb2.body().lines().count() > (graph ? 0 : 1), name + " answered nothing");
        if (graph) {
            assertEquals(canonical(fromMemory.body()), canonical(fromTdb2.body()), name);
        } else {
            assertEquals(canonicalTable(fromMemory.body()), canonicalTable(fromTdb2.body()), name);
        }
        // Same files, same content hash: the same ETag on both deployments.
        assertEquals(fromMemory.headers().firstValue("ETag"), fromTdb2.headers().firstValue("ETag"), name);
    }

    @Test
    void sparqlAndNamedGraphsAnswerAsInMemory() throws Exception {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g";
        String url = "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> fromMemory = get(memoryBase + url, "text/csv");
        HttpResponse<String> fromTdb2 = get(tdb2Base + url, "text/csv");
        assertEquals(200, fromTdb2.statusCode(), fromTdb2.body());
        assertEquals(canonical(fromMemory.body()), canonical(fromTdb2.body()));
        assertTrue(fromTdb2.body().contains("https://w3id.org/stalin-kg/graph/asserted"), fromTdb2.body());
        assertTrue(fromTdb2.body().contains("https://w3id.org/stalin-kg/graph/inferred"), fromTdb2.body());
    }

    @Test
    void updatesAreRefusedByTheDatabaseToo() throws Exception {
        String update = "INSERT DATA { <http://example.org/s> <http://example.org/p> \"planted\" }";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(tdb2Base + "/sparql"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
        String ask = "/sparql?query=" + URLEncoder.encode("ASK { ?s ?p \"planted\" }", StandardCharsets.UTF_8);
        assertTrue(get(tdb2Base + ask, "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void docPagesAndDescriptionsWork() throws Exception {
        HttpResponse<String> page = get(tdb2Base + "/doc/policy/great-purge", "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Great Purge"), page.body());
        String nt = "application/n-triples";
        HttpResponse<String> fromTdb2 = get(tdb2Base + "/doc/outcome/holodomor", nt);
        HttpResponse<String> fromMemory = get(memoryBase + "/doc/outcome/holodomor", nt);
        assertEquals(200, fromTdb2.statusCode(), fromTdb2.body());
        // Each server names things under its own address.
        assertEquals(canonical(fromMemory.body().replace(memoryBase, "BASE")),
                canonical(fromTdb2.body().replace(tdb2Base, "BASE")));
        assertEquals(200, get(tdb2Base + "/", "text/html").statusCode());
        assertEquals(200, get(tdb2Base + "/ontology", "text/turtle").statusCode());
        assertEquals(404, get(tdb2Base + "/doc/policy/no-such-policy", "text/turtle").statusCode());
    }

    @Test
    void loadIntoAnExistingDatabaseIsRefusedWithoutReplace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "load", "--tdb2", db.toString()));
        assertTrue(err.toString().contains("already holds a database; add --replace"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Tdb2Lib.isDatabase(db), "the database is still there");
    }

    @Test
    void replacedDatabaseIsServedAfterAReload() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp.resolve("replace-root"));
        Path other = tmp.resolve("replace-db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "load", "--tdb2", other.toString(), "--root", root.toString()), err.toString());
        DataOptions data = new DataOptions();
        data.root = root;
        data.tdb2 = other;
        DataHolder holder = new DataHolder(ServeCmd.load(data));
        long before = holder.current().graph().size();
        // The old database's folders, named by their millis: after --replace they are deleted, maybe still open.
        String oldMillis = manifest(other).getProperty("database").replace("tdb2-", "");
        assertFalse(openFilesOf(oldMillis).isEmpty(), "the database and its label index are open");
        ProjectFiles.write(root, "data/zz-marker.ttl", "<urn:stalin-kg:test:m> <urn:stalin-kg:test:p> \"v\" .\n");
        assertEquals(0, run(out, err, "load", "--tdb2", other.toString(), "--root", root.toString(), "--replace"),
                err.toString());
        ServedData fresh;
        // A request that began before the reload keeps the old data open until it ends.
        try (DataHolder.Use request = holder.use()) {
            // What the admin port's POST /reload does.
            fresh = holder.reload(() -> ServeCmd.load(data));
            assertFalse(openFilesOf(oldMillis).isEmpty(), "closed under a running request");
        }
        assertEquals(List.of(), openFilesOf(oldMillis), "the replaced database's files are closed");
        assertEquals(before + 1, fresh.graph().size());
        assertFalse(fresh.graph().labelIndex().query(null, "famin*", null, null, 10).isEmpty());
        // A reload of the same database (no new load) shares its open files with the data it replaces.
        ServedData again = holder.reload(() -> ServeCmd.load(data));
        assertFalse(again.graph().labelIndex().query(null, "famin*", null, null, 10).isEmpty());
        holder.close();
        assertEquals(List.of(), OpenFiles.under(other), "closed with the server");
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertTrue(left.isEmpty(), "temporary folders left: " + left);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"famine", "great pur", "Голодомор", "сталин", "purge", "zzzqqq"})
    void searchAndTextQueryAnswerAsInMemory(String text) throws Exception {
        String search = "/search?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpResponse<String> fromMemory = get(memoryBase + search, "application/json");
        HttpResponse<String> fromTdb2 = get(tdb2Base + search, "application/json");
        assertEquals(200, fromTdb2.statusCode(), fromTdb2.body());
        assertEquals(fromMemory.body(), fromTdb2.body());
        String query = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s ?name WHERE { (?s ?score ?name) "
                + "text:query (\"" + LabelIndex.prefixQuery(text) + "\" 1000) }";
        String sparql = "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> rowsFromMemory = get(memoryBase + sparql, "text/tab-separated-values");
        HttpResponse<String> rowsFromTdb2 = get(tdb2Base + sparql, "text/tab-separated-values");
        assertEquals(200, rowsFromTdb2.statusCode(), rowsFromTdb2.body());
        assertEquals(canonical(rowsFromMemory.body()), canonical(rowsFromTdb2.body()));
        assertEquals(text.equals("zzzqqq"), rowsFromTdb2.body().lines().count() == 1, rowsFromTdb2.body());
    }

    @Test
    void theServedDatabaseSearchesWithTheIndexOnDisk() {
        TextIndex index = tdb2Holder.current().graph().labelIndex();
        assertInstanceOf(FSDirectory.class, ((TextIndexLucene) index).getDirectory());
        assertTrue(Files.isDirectory(db.resolve(manifest(db).getProperty("text"))));
    }

    private static Properties manifest(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(Tdb2Lib.MANIFEST), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        return p;
    }

    /** The files this process holds open (file descriptors) in the folders of the load of {@code millis}. */
    private static List<String> openFilesOf(String millis) {
        return OpenFiles.matching(t -> t.contains("/tdb2-" + millis + "/") || t.contains("/text-" + millis + "/"));
    }

    @Test
    void brokenFileFailsNamingFileLineAndColumnAndLeavesNothingServable() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp.resolve("broken-root"));
        ProjectFiles.write(root, "data/zz-broken.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        Path broken = tmp.resolve("broken-db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "load", "--tdb2", broken.toString(), "--root", root.toString()));
        assertTrue(err.toString().matches("(?s).*zz-broken\\.ttl:[0-9]+:[0-9]+: .*"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(broken), "nothing written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".broken-db")), "no temporary folder");
        }
        StringWriter serveErr = new StringWriter();
        assertEquals(1, run(new StringWriter(), serveErr, "serve", "--tdb2", broken.toString(), "--port", "0",
                "--admin-port", "-1"));
        assertTrue(serveErr.toString().contains("not started"), serveErr.toString());
    }

    @Test
    void halfWrittenDatabaseIsNotServed() throws Exception {
        Path half = tmp.resolve("half-db");
        Files.createDirectories(half.resolve("tdb2-1/Data-0001"));
        Files.writeString(half.resolve(Tdb2Lib.ONTOLOGY), "");
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "serve", "--tdb2", half.toString(), "--port", "0",
                "--admin-port", "-1"));
        assertTrue(err.toString().contains("not a complete stalin-kg database"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        // Nor overwritten by a load without --replace: it is not a database, and not ours to delete.
        StringWriter loadErr = new StringWriter();
        assertEquals(1, run(new StringWriter(), loadErr, "load", "--tdb2", half.toString(), "--replace"));
        assertTrue(loadErr.toString().contains("holds no stalin-kg database"), loadErr.toString());
    }

    @Test
    void serveOfAMissingDatabaseExitsOneWithOneLine() {
        StringWriter err = new StringWriter();
        Path missing = tmp.resolve("no-such-db");
        assertEquals(1, run(new StringWriter(), err, "serve", "--tdb2", missing.toString(), "--port", "0",
                "--admin-port", "-1"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("no such folder"), err.toString());
        assertFalse(Files.exists(missing), "serve creates no database");
    }

    @Test
    void loadWithoutTdb2IsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "load"));
        assertTrue(err.toString().contains("--tdb2"), err.toString());
    }
}
