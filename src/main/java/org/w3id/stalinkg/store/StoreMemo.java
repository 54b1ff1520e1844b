package org.w3id.stalinkg.store;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed from a store (statistics, a page's model), kept for the store's {@link SparqlStore#freshness()}:
 * for ever for the local graph, a while for an external store. A computation that fails is not kept: the next call
 * tries again, so a store that was down at start-up is used as soon as it answers.
 */
public final class StoreMemo<T> {

    private final Supplier<T> compute;
    private final Duration freshness;
    private volatile Held<T> held;

    private record Held<T>(T value, long expiresAtNanos) {}

    /** @param freshness how long a value is kept; null for ever */
    public StoreMemo(Supplier<T> compute, Duration freshness) {
        this.compute = compute;
        this.freshness = freshness;
    }

    /** The value, computed now if there is none or it has expired; throws what the computation throws. */
    public T get() {
        Held<T> h = held;
        if (h != null && !expired(h)) {
            return h.value();
        }
        synchronized (this) {
            h = held;
            if (h == null || expired(h)) {
                T value = compute.get();
                h = new Held<>(value, freshness == null ? Long.MAX_VALUE : System.nanoTime() + freshness.toNanos());
                held = h;
            }
            return h.value();
        }
    }

    private boolean expired(Held<T> h) {
        return freshness != null && System.nanoTime() - h.expiresAtNanos() >= 0;
    }
}
