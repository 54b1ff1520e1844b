package org.w3id.stalinkg.graph;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.apache.jena.sys.JenaSystem;

/** The pool a load runs its parallel parts on (one thread per core), and how it takes their results. */
final class LoadWorkers {

    private LoadWorkers() {}

    /** Runs {@code work} with a pool of one thread per core, shut down after. */
    static <T> T with(Function<ExecutorService, T> work) {
        // Jena initialises itself on first use; threads that first touch it at the same time can deadlock in class
        // initialisation (seen: parsers stuck in GraphBase.createPrefixMapping). Initialise here, on one thread.
        JenaSystem.init();
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            return work.apply(workers);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The value of a finished task; what it threw, thrown again as it was (unchecked), or wrapped. */
    static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ex.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Seconds since {@code startedNanos}. */
    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Milliseconds since {@code startedNanos}. */
    static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
