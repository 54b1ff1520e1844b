package org.w3id.stalinkg.server;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Per-client budgets in the spirit of the Wikidata Query Service: each client (address and User-Agent) has a
 * bucket of query time and a bucket of errors, both refilled continuously to their size each minute. A query that
 * finds either bucket empty is refused with 429, and told when to come back. Clients unseen for ten minutes are
 * forgotten; at most 100,000 are remembered.
 */
final class ClientBudgets {

    private final long queryMillisPerMinute;
    private final int errorsPerMinute;
    private final Cache<String, Budget> clients = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    ClientBudgets(long queryMillisPerMinute, int errorsPerMinute) {
        this.queryMillisPerMinute = queryMillisPerMinute;
        this.errorsPerMinute = errorsPerMinute;
    }

    boolean enabled() {
        return queryMillisPerMinute > 0;
    }

    /** 0 if {@code client} may query now, else the seconds until it may. */
    long retryAfterSeconds(String client) {
        return budget(client).retryAfterSeconds();
    }

    /** Charges a finished request: its duration, and one error if it failed. */
    void charge(String client, long millis, boolean error) {
        budget(client).charge(millis, error);
    }

    private Budget budget(String client) {
        return clients.get(client, k -> new Budget(queryMillisPerMinute, errorsPerMinute));
    }

    /** Two token buckets, each refilled to its size over a minute. */
    private static final class Budget {
        private final double timeSize;
        private final double errorSize;
        private double time;
        private double errors;
        private long refilled = System.nanoTime();

        Budget(long timeSize, int errorSize) {
            this.timeSize = timeSize;
            this.errorSize = errorSize;
            this.time = timeSize;
            this.errors = errorSize;
        }

        synchronized long retryAfterSeconds() {
            refill();
            double timeWait = time > 0 ? 0 : (-time + 1) * 60.0 / timeSize;
            double errorWait = errors >= 1 ? 0 : (1 - errors) * 60.0 / errorSize;
            double wait = Math.max(timeWait, errorWait);
            return wait <= 0 ? 0 : Math.max(1, (long) Math.ceil(wait));
        }

        synchronized void charge(long millis, boolean error) {
            refill();
            time -= millis;
            if (error) {
                errors -= 1;
            }
        }

        private void refill() {
            long now = System.nanoTime();
            double minutes = (now - refilled) / 60e9;
            refilled = now;
            time = Math.min(timeSize, time + minutes * timeSize);
            errors = Math.min(errorSize, errors + minutes * errorSize);
        }
    }
}
