package org.w3id.stalinkg.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The public port's requests as metrics, by {@linkplain ServerPaths#endpointOf endpoint} (a handful of names, never
 * the path itself, so the number of series stays fixed whatever is asked):
 * <ul>
 * <li>{@code stalinkg_http_requests_seconds{endpoint,status}}: count, total and maximum duration by endpoint and
 *     status class ({@code 2xx} ... {@code 5xx}), for rates of requests and errors;</li>
 * <li>{@code stalinkg_http_latency_seconds{endpoint}}: a histogram of durations from 1 ms to 60 s per endpoint, for
 *     quantiles ({@code histogram_quantile(0.99, rate(stalinkg_http_latency_seconds_bucket[5m]))}).</li>
 * </ul>
 * Meters are registered when an endpoint and status class is first seen, once.
 */
final class RequestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished request to {@code endpoint} with {@code status} that took {@code nanos}. */
    void record(String endpoint, int status, long nanos) {
        String statusClass = Math.max(1, Math.min(5, status / 100)) + "xx";
        byStatus.computeIfAbsent(endpoint + " " + statusClass, k -> Timer.builder("stalinkg_http_requests")
                .description("Requests to the public port by endpoint and status class, with their duration")
                .tag("endpoint", endpoint).tag("status", statusClass).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        latency.computeIfAbsent(endpoint, k -> Timer.builder("stalinkg_http_latency")
                .description("Duration of requests to the public port by endpoint, from arrival to the end of "
                        + "the answer")
                .tag("endpoint", endpoint)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
