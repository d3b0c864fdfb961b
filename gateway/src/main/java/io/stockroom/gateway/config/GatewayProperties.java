package io.stockroom.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What the gateway routes to and the limits it enforces at the edge ({@code stockroom.gateway.*}).
 *
 * @param producerUrls     base URLs of the producer instances ({@code PRODUCER_URLS}, comma-separated)
 * @param requestBytesMax  largest request body accepted at the edge; the producer's own limits are tighter per route
 * @param rateLimit        per-client-address request budget
 * @param health           how long one readiness check of a producer instance may take
 * @param upstream         time limits on the connection to a producer
 */
@ConfigurationProperties("stockroom.gateway")
public record GatewayProperties(List<URI> producerUrls,
                                @DefaultValue("5MB") DataSize requestBytesMax,
                                @DefaultValue RateLimit rateLimit,
                                @DefaultValue Health health,
                                @DefaultValue Upstream upstream) {

    /** Upper bound on configured producer instances: a typo in a list should fail, not fan out. */
    public static final int PRODUCERS_MAX = 64;

    public GatewayProperties {
        if (producerUrls == null || producerUrls.isEmpty()) {
            throw new IllegalArgumentException("stockroom.gateway.producer-urls (PRODUCER_URLS) must name at least one"
                    + " producer instance, e.g. http://127.0.0.1:8080");
        }
        if (producerUrls.size() > PRODUCERS_MAX) {
            throw new IllegalArgumentException("at most " + PRODUCERS_MAX + " producer instances, got "
                    + producerUrls.size());
        }
        for (URI url : producerUrls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("producer URL must be http(s)://host[:port], was " + url);
            }
        }
        producerUrls = List.copyOf(producerUrls);
        if (requestBytesMax.toBytes() <= 0) {
            throw new IllegalArgumentException("stockroom.gateway.request-bytes-max must be positive");
        }
    }

    /**
     * A token bucket per client address: {@code requestsPerSecond} refilled continuously, up to {@code burst}.
     * Counted in this gateway instance; with N gateway replicas a client gets up to N times the budget.
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("200") long requestsPerSecond,
                            @DefaultValue("400") long burst,
                            @DefaultValue("100000") long clientsMax) {

        public RateLimit {
            if (requestsPerSecond <= 0 || burst < requestsPerSecond || clientsMax <= 0) {
                throw new IllegalArgumentException("rate limit needs requests-per-second > 0, burst >= "
                        + "requests-per-second and clients-max > 0");
            }
        }
    }

    /**
     * Time limit of one active health check (path and interval are the load balancer's own
     * {@code spring.cloud.loadbalancer.health-check.*} settings): a hung instance must fail its check quickly.
     */
    public record Health(@DefaultValue("2s") Duration timeout) {

        public Health {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("health check timeout must be positive");
            }
        }
    }

    /**
     * The connection to the producers: time to connect; the longest silence while waiting for or reading a response
     * (a stream's heartbeats, every 15 s, keep it below this); pooled connections; retries of safe requests.
     */
    public record Upstream(@DefaultValue("2s") Duration connectTimeout,
                           @DefaultValue("30s") Duration readTimeout,
                           @DefaultValue("500") int connectionsPerInstanceMax,
                           @DefaultValue("2") int getRetriesMax) {

        public Upstream {
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                    || readTimeout.isZero() || connectionsPerInstanceMax < 1 || getRetriesMax < 0
                    || getRetriesMax > 5) {
                throw new IllegalArgumentException("upstream timeouts and connections must be positive and "
                        + "get-retries-max 0..5");
            }
        }
    }
}
