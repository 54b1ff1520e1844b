package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.system.progress.MonitorOutput;

/**
 * Which files a load must check together, so that a graph too large for the heap can be validated and inferred a
 * batch of files at a time ({@code load --tdb2}). Two files belong together when both state something about the same
 * IRI (as subject), or one points (as object) to an IRI the other states something about; what belongs together,
 * transitively, is a component. The ontology's files, and every file that belongs with them, are the core, which is
 * checked alone once and then with every batch. The IRIs the ontology's files describe (its classes and properties)
 * join nothing: every file uses them. A batch is whole components, packed in load order up to a number of triples; a
 * component larger than that is a batch of its own.
 * <p>
 * Why a batch then gives the whole graph's answers: a shape or rule that starts at a thing follows its statements and
 * those of the things it points to (or that point to it, which state something about it), and so reads only
 * statements of its own component, of the core and of the ontology, all of which its batch holds. Not covered, and
 * the reason this is not the in-memory load's method: a constraint comparing things that share no IRI (two things
 * with the same label), and statements about an ontology term made in a data file, which other batches do not see.
 * Blank nodes never join files: a file's blank nodes are its own.
 * <p>
 * IRIs are compared by a 43-bit hash: two IRIs with the same hash join their files (a larger batch, never a statement
 * missed). The plan reads every file once and keeps a few longs per IRI of each file, not its statements.
 */
final class FileBatches {

    /** Files a plan can number (a file's index is packed into 20 bits). */
    static final int MAX_FILES = 1 << 20;

    /**
     * The plan: the core files, the batches (each a list of files in load order, none of them in the core), and the
     * triples each file states.
     */
    record Plan(List<Path> core, List<List<Path>> batches, Map<Path, Long> triplesPerFile) {

        long triples(List<Path> files) {
            return files.stream().mapToLong(triplesPerFile::get).sum();
        }
    }

    private static final long SUBJECT = 1;

    private FileBatches() {}

    /**
     * Reads {@code files} (in load order) and plans the batches.
     *
     * @param isOntology   which files are the ontology's
     * @param batchTriples the most triples a batch holds, unless one component alone holds more
     * @throws GraphLoadException naming each file that does not parse (the plan reads every file before any is loaded)
     */
    static Plan plan(List<Path> files, Predicate<Path> isOntology, long batchTriples, ExecutorService workers,
                     MonitorOutput out) {
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException(files.size() + " files: a load reads at most " + MAX_FILES);
        }
        List<Future<FileIris>> reading = new ArrayList<>();
        for (Path file : files) {
            reading.add(workers.submit(() -> FileIris.of(file, isOntology.test(file))));
        }
        Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long[][] perFile = new long[files.size()][];
        long[] terms = new long[0];
        for (int i = 0; i < files.size(); i++) {
            try {
                FileIris f = LoadWorkers.result(reading.get(i));
                reading.set(i, null);
                triplesPerFile.put(files.get(i), f.triples());
                perFile[i] = f.iris();
                if (f.ontology()) {
                    terms = union(terms, f.subjects());
                }
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        int[] component = components(perFile, terms, files, isOntology);
        Plan plan = pack(files, component, isOntology, triplesPerFile, batchTriples);
        out.print("planned %,d batch(es) of at most %,d triples, each checked with the core (%,d files, %,d triples)",
                plan.batches().size(), batchTriples, plan.core().size(), plan.triples(plan.core()));
        return plan;
    }

    /** The component of each file: the root of its set once every file has been joined with those it belongs with. */
    private static int[] components(long[][] perFile, long[] terms, List<Path> files, Predicate<Path> isOntology) {
        int n = files.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        int firstOntology = -1;
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += perFile[i].length;
            if (isOntology.test(files.get(i))) {
                if (firstOntology < 0) {
                    firstOntology = i;
                } else {
                    join(parent, firstOntology, i);
                }
            }
        }
        // Every (IRI, role, file) of every file, packed as hash << 21 | role << 20 | file, sorted: an IRI's entries
        // are then one run.
        long[] all = new long[Math.toIntExact(total)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long e : perFile[i]) {
                all[k++] = (e << 20) | i;
            }
            perFile[i] = null;
        }
        Arrays.parallelSort(all);
        for (int start = 0; start < all.length; ) {
            long hash = all[start] >>> 21;
            int end = start;
            boolean described = false;
            while (end < all.length && all[end] >>> 21 == hash) {
                described |= ((all[end] >>> 20) & 1) == SUBJECT;
                end++;
            }
            if (described && Arrays.binarySearch(terms, hash) < 0) {
                for (int j = start + 1; j < end; j++) {
                    join(parent, (int) (all[start] & (MAX_FILES - 1)), (int) (all[j] & (MAX_FILES - 1)));
                }
            }
            start = end;
        }
        for (int i = 0; i < n; i++) {
            parent[i] = root(parent, i);
        }
        return parent;
    }

    /** The core (the ontology's component) and the other components packed into batches, in load order. */
    private static Plan pack(List<Path> files, int[] component, Predicate<Path> isOntology,
                             Map<Path, Long> triplesPerFile, long batchTriples) {
        int coreRoot = -1;
        for (int i = 0; i < files.size() && coreRoot < 0; i++) {
            coreRoot = isOntology.test(files.get(i)) ? component[i] : -1;
        }
        Map<Integer, List<Integer>> byComponent = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byComponent.computeIfAbsent(component[i], c -> new ArrayList<>()).add(i);
        }
        List<Path> core = paths(files, byComponent.getOrDefault(coreRoot, List.of()));
        List<List<Path>> batches = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        long inBatch = 0;
        for (Map.Entry<Integer, List<Integer>> c : byComponent.entrySet()) {
            if (c.getKey() == coreRoot) {
                continue;
            }
            long t = c.getValue().stream().mapToLong(i -> triplesPerFile.get(files.get(i))).sum();
            if (!batch.isEmpty() && inBatch + t > batchTriples) {
                batches.add(paths(files, batch));
                batch = new ArrayList<>();
                inBatch = 0;
            }
            batch.addAll(c.getValue());
            inBatch += t;
        }
        if (!batch.isEmpty()) {
            batches.add(paths(files, batch));
        }
        return new Plan(core, batches, triplesPerFile);
    }

    /** The files of these indexes, in load order. */
    private static List<Path> paths(List<Path> files, List<Integer> indexes) {
        return indexes.stream().sorted().map(files::get).toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void join(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
            // The smaller index is the root, so that a component is named by its first file in load order.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static long[] union(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** A 43-bit hash of an IRI (FNV-1a over its characters, then a 64-bit finaliser). */
    static long hash(String iri) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < iri.length(); i++) {
            h ^= iri.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 21;
    }

    /**
     * What the plan keeps of one file: its triples, and the distinct IRIs it names as subject or object, each as
     * {@code hash << 1 | role} (role 1: subject), sorted.
     */
    private record FileIris(long triples, long[] iris, boolean ontology) {

        /** The hashes of the IRIs the file describes. */
        long[] subjects() {
            return Arrays.stream(iris).filter(e -> (e & 1) == SUBJECT).map(e -> e >>> 1).distinct().toArray();
        }

        static FileIris of(Path file, boolean ontology) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException ex) {
                throw new GraphLoadException("Cannot read", List.of(file + ": " + ex));
            }
            long[] triples = {0};
            LongList iris = new LongList();
            TurtleFiles.parse(file, bytes, new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    triples[0]++;
                    add(t.getSubject(), SUBJECT);
                    add(t.getObject(), 0);
                }

                private void add(Node n, long role) {
                    if (n.isURI()) {
                        iris.add(hash(n.getURI()) << 1 | role);
                    }
                }
            });
            return new FileIris(triples[0], iris.sortedDistinct(), ontology);
        }
    }

    /** A growable array of longs that drops repeats as it grows, so a file's array stays near its distinct IRIs. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                long[] distinct = sortedDistinct();
                values = Arrays.copyOf(distinct, Math.max(1024, distinct.length * 2));
                size = distinct.length;
            }
            values[size++] = v;
        }

        long[] sortedDistinct() {
            return Arrays.stream(values, 0, size).sorted().distinct().toArray();
        }
    }
}
