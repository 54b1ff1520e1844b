package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TDB2 databases, and the label indexes beside them, that this process has open to serve: each opened once
 * however many graphs share it (a reload of the same folder opens it again before the old graph is closed; TDB2
 * hands out one dataset per folder, and Lucene lets one writer hold an index folder), and closed when the last graph
 * using it is closed, so that a reload after {@code load --replace} keeps no file of the replaced database open.
 */
final class Tdb2Storage {

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Storage.class);
    private static final Map<Path, Opened> OPEN = new HashMap<>();

    /** A database and its label index (null if it has none on disk), open for {@code users} graphs. */
    static final class Opened {
        private final Path location;
        private final DatasetGraph dataset;
        private final TextIndex labelIndex;
        private int users;

        private Opened(Path location, DatasetGraph dataset, TextIndex labelIndex) {
            this.location = location;
            this.dataset = dataset;
            this.labelIndex = labelIndex;
        }

        DatasetGraph dataset() {
            return dataset;
        }

        TextIndex labelIndex() {
            return labelIndex;
        }

        /** Gives this use back: the last one closes the index and the database. */
        void close() {
            synchronized (Tdb2Storage.class) {
                if (users == 0 || --users > 0) {
                    return;
                }
                OPEN.remove(location);
            }
            try {
                if (labelIndex != null) {
                    Tdb2LabelIndex.close(labelIndex);
                }
            } finally {
                release(dataset, location);
                LOG.info("Closed TDB2 database {}", location);
            }
        }
    }

    private Tdb2Storage() {}

    /**
     * The TDB2 database at {@code location} and the label index in {@code labelIndex} (null: none), opened if this
     * process does not have them open yet; each call must be matched by one {@link Opened#close()}.
     */
    static synchronized Opened open(Path location, Path labelIndex) {
        Path key = location.toAbsolutePath().normalize();
        Opened opened = OPEN.get(key);
        if (opened == null) {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(key));
            TextIndex index;
            try {
                index = labelIndex == null ? null : Tdb2LabelIndex.open(labelIndex);
            } catch (RuntimeException ex) {
                release(dsg, key);
                throw ex;
            }
            opened = new Opened(key, dsg, index);
            OPEN.put(key, opened);
        }
        opened.users++;
        return opened;
    }

    /**
     * Closes the files of {@code dsg} and releases its lock, so the folder can be moved, deleted or opened afresh;
     * the lock file is deleted too, as it names this process, whose number another may have later.
     */
    static void release(DatasetGraph dsg, Path location) {
        TDBInternal.expel(dsg, true);
        try {
            Files.deleteIfExists(location.resolve("tdb.lock"));
        } catch (IOException ex) {
            LOG.warn("Could not delete the lock file of {}: {}", location, ex.getMessage());
        }
    }
}
