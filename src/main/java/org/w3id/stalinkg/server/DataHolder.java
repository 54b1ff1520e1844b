package org.w3id.stalinkg.server;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The data being served, swapped whole on a reload. A reload builds and checks the new {@link ServedData} completely
 * before the swap; if that fails, nothing changes and the old data stays served. Every request reads the current
 * data once and keeps it to the end, so it is answered wholly from the old or wholly from the new data.
 */
public final class DataHolder {

    private final AtomicReference<ServedData> current;
    private volatile boolean loading;

    public DataHolder(ServedData initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** The data to answer the current request from. */
    public ServedData current() {
        return current.get();
    }

    /**
     * Loads new data with {@code loader} and, if it succeeds, serves it from now on. Reloads run one at a time.
     *
     * @throws RuntimeException whatever the loader throws; the old data is then still served
     */
    public synchronized ServedData reload(Supplier<ServedData> loader) {
        loading = true;
        try {
            ServedData fresh = loader.get();
            current.set(fresh);
            return fresh;
        } finally {
            loading = false;
        }
    }

    /** True while a {@link #reload} is loading new data (the old data is served meanwhile). */
    public boolean loading() {
        return loading;
    }
}
