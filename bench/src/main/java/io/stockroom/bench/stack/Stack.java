package io.stockroom.bench.stack;

import io.stockroom.bench.api.Credentials;

import java.net.URI;
import java.util.Map;

/**
 * The system under test: where the producer answers, an admin account, and each service's base URL for the metrics
 * scrapes. Closing a stack the benchmark started stops it; closing a running one does nothing.
 */
public interface Stack extends AutoCloseable {

    URI producer();

    Credentials admin();

    /** Service name to base URL. */
    Map<String, URI> services();

    /** One line for the report. */
    String describe();

    @Override
    void close() throws InterruptedException;

    /** A stack someone else runs ({@code STOCKROOM_URL}). */
    static Stack running(URI producer, Credentials admin, Map<String, URI> services) {
        return new Stack() {
            @Override
            public URI producer() {
                return producer;
            }

            @Override
            public Credentials admin() {
                return admin;
            }

            @Override
            public Map<String, URI> services() {
                return services;
            }

            @Override
            public String describe() {
                return "running stack at " + producer + " (not started by the benchmark)";
            }

            @Override
            public void close() {
            }
        };
    }
}
