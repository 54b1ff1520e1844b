package org.w3id.stalinkg.graph;

import java.util.function.Supplier;

/**
 * A value made on first use and then kept: the first caller makes it while others wait; a making that fails (a
 * cancelled query, say) keeps nothing, so the next caller tries again. For what the frozen data derive from
 * themselves (indexes, dumps), which need not be made to start answering.
 */
final class Lazy<T> {

    private volatile T value;

    /** The value, made by {@code make} if there is none yet. */
    T get(Supplier<T> make) {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
