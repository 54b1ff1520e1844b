package org.w3id.stalinkg.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;

/** A string whose reader is stopped, with {@link QueryCancelledException}, once the signal is set. */
final class CancellableChars implements CharSequence {
    private final String s;
    private final AtomicBoolean cancel;
    private int reads;

    CancellableChars(String s, AtomicBoolean cancel) {
        this.s = s;
        this.cancel = cancel;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & (RunawayExpressions.CHECK_EVERY - 1)) == 0 && cancel.get()) {
            throw new QueryCancelledException();
        }
        return s.charAt(index);
    }

    @Override
    public int length() {
        return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return s.subSequence(start, end);
    }

    @Override
    public String toString() {
        return s;
    }
}
