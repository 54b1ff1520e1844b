package org.w3id.stalinkg.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The data being served, swapped whole on a reload. A reload builds and checks the new {@link ServedData} completely
 * before the swap; if that fails, nothing changes and the old data stays served. Every request reads the current
 * data once and keeps it to the end, so it is answered wholly from the old or wholly from the new data.
 * <p>
 * The data a reload replaces are closed ({@link ServedData#close()}: the files of a TDB2 database and of its label
 * index) once no request that began before the swap is still running: each request holds a {@link #use()} from
 * before it reads the data until it has answered ({@link DataInUseFilter}).
 */
public final class DataHolder implements AutoCloseable {

    private final AtomicReference<Generation> current;
    private volatile boolean loading;

    public DataHolder(ServedData initial) {
        this.current = new AtomicReference<>(new Generation(initial));
    }

    /** The data to answer the current request from. */
    public ServedData current() {
        return current.get().data;
    }

    /**
     * Marks the current data in use until the returned use is closed: a reload swaps them meanwhile, but closes them
     * only after. The request may read {@link #current()} after this call as often as it likes: it gets these data,
     * or newer ones that no reload closes before their own swap.
     */
    public Use use() {
        while (true) {
            Generation g = current.get();
            g.users.incrementAndGet();
            if (current.get() == g) {
                return g::release;
            }
            g.release();
        }
    }

    /**
     * Loads new data with {@code loader} and, if it succeeds, serves it from now on; the old data are closed once
     * the requests using them have ended. Reloads run one at a time.
     *
     * @throws RuntimeException whatever the loader throws; the old data is then still served
     */
    public synchronized ServedData reload(Supplier<ServedData> loader) {
        loading = true;
        try {
            ServedData fresh = loader.get();
            current.getAndSet(new Generation(fresh)).retire();
            return fresh;
        } finally {
            loading = false;
        }
    }

    /** True while a {@link #reload} is loading new data (the old data is served meanwhile). */
    public boolean loading() {
        return loading;
    }

    /** Closes the data served now, once the requests using them have ended: when the server stops. */
    @Override
    public void close() {
        current.get().retire();
    }

    /** A request's hold on the data ({@link #use()}). */
    @FunctionalInterface
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    /** One swap's data and the requests using them. */
    private static final class Generation {
        final ServedData data;
        final AtomicInteger users = new AtomicInteger();
        volatile boolean retired;
        private final AtomicBoolean closed = new AtomicBoolean();

        Generation(ServedData data) {
            this.data = data;
        }

        void release() {
            if (users.decrementAndGet() == 0 && retired) {
                closeOnce();
            }
        }

        void retire() {
            retired = true;
            if (users.get() == 0) {
                closeOnce();
            }
        }

        private void closeOnce() {
            if (closed.compareAndSet(false, true)) {
                data.close();
            }
        }
    }
}
