package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of names ({@link LabelIndex}) kept on disk beside a TDB2 database, so that {@code serve --tdb2}
 * opens it instead of reading every name at start. {@link Tdb2Lib#load} writes it into the database folder as
 * {@code text-<millis>/} (the millis of the {@code tdb2-<millis>/} beside it), a Lucene index in a memory-mapped
 * {@link FSDirectory}, made with {@link LabelIndex#config()} from the names in the database's default graph; the
 * manifest names it ({@code text=}). {@link Tdb2Lib#open} opens it; a database written before it existed (no
 * {@code text=} in its manifest) builds the index in memory on first use, as the in-memory graph does.
 */
public final class Tdb2LabelIndex {

    /** The manifest's key naming the index folder. */
    static final String MANIFEST_KEY = "text";

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2LabelIndex.class);

    private Tdb2LabelIndex() {}

    /** The name of the index folder of the TDB2 database folder {@code database} ({@code tdb2-<millis>}). */
    static String folderFor(String database) {
        return "text-" + database.substring(database.indexOf('-') + 1);
    }

    /**
     * Writes the index of the complete TDB2 database {@code work/database} into {@code work/}{@link #folderFor},
     * reporting the count and the time through {@code out}; the database is closed again when it returns.
     */
    static void writeBeside(Path work, String database, MonitorOutput out) {
        long started = System.nanoTime();
        Path location = work.resolve(database);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
        long names;
        try {
            names = write(dsg, work.resolve(folderFor(database)));
        } finally {
            Tdb2Storage.release(dsg, location);
        }
        out.print("indexed %,d names for the label search in %,d ms", names, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Writes the index of the names in the default graph of {@code dataset} into the new folder {@code folder};
     * returns how many names it holds. The names are read in one read transaction and streamed into Lucene.
     */
    public static long write(DatasetGraph dataset, Path folder) {
        try (Directory directory = FSDirectory.open(folder)) {
            TextIndex index = TextDatasetFactory.createLuceneIndex(directory, LabelIndex.config());
            try {
                return LabelIndex.addNames(index, dataset);
            } finally {
                index.close();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(folder + ": cannot write the label index: " + ex.getMessage(), ex);
        }
    }

    /**
     * The index in {@code folder}, written by {@link #write}. Nothing is written to it while it is open, but Lucene
     * holds the folder's {@code write.lock} until {@link #close}.
     *
     * @throws GraphLoadException if {@code folder} holds no index or cannot be opened
     */
    public static TextIndex open(Path folder) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(folder);
            if (!DirectoryReader.indexExists(directory)) {
                throw new GraphLoadException(folder + ": no label index there (load the data again)");
            }
            return TextDatasetFactory.createLuceneIndex(directory, LabelIndex.config());
        } catch (IOException | RuntimeException ex) {
            closeQuietly(directory);
            if (ex instanceof GraphLoadException g) {
                throw g;
            }
            throw new GraphLoadException(folder + ": cannot open the label index: " + ex.getMessage());
        }
    }

    /**
     * Closes an index {@link #open} gave, and its folder. The folder may be gone (a {@code load --replace} deleted
     * the database it was in): Lucene then fails to list it as it closes, but has released its files.
     */
    public static void close(TextIndex index) {
        try {
            index.close();
        } catch (RuntimeException ex) {
            LOG.debug("Closing the label index: {}", ex.toString());
        } finally {
            if (index instanceof TextIndexLucene lucene) {
                closeQuietly(lucene.getDirectory());
            }
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory == null) {
            return;
        }
        try {
            directory.close();
        } catch (IOException ex) {
            // Nothing to release is left that a caller could act on.
        }
    }
}
