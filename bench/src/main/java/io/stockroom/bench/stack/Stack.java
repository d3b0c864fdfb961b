package io.stockroom.bench.stack;

import io.stockroom.bench.api.Credentials;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The system under test: where the producer answers, an admin account, and each service's base URL for the metrics
 * scrapes. Closing a stack the benchmark started stops it; closing a running one does nothing.
 */
public interface Stack extends AutoCloseable {

    URI producer();

    Credentials admin();

    /** Service name to base URL. */
    Map<String, URI> services();

    /** The RabbitMQ vhost the services use (its queue depths are sampled during the workloads). */
    String vhost();

    /** Process ids of the services, by name, where the benchmark knows them (its own stack); else empty. */
    default Map<String, Long> processes() {
        return Map.of();
    }

    /** The account that may read the services' metrics, where the benchmark knows it (its own stack). */
    default Optional<Credentials> actuator() {
        return Optional.empty();
    }

    /** One line for the report. */
    String describe();

    @Override
    void close() throws InterruptedException;

    /** A stack someone else runs ({@code STOCKROOM_URL}). */
    static Stack running(URI producer, Credentials admin, Map<String, URI> services, String vhost) {
        return new Stack() {
            @Override
            public String vhost() {
                return vhost;
            }

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
