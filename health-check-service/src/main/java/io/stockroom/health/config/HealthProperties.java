package io.stockroom.health.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code stockroom.health.*}; the defaults are in this module's {@code application.properties}.
 *
 * @param services             what to watch
 * @param queuePollInterval    period of thread one (queue figures); 1..60 s
 * @param actuatorPollInterval period of thread two (actuator polls); 1..60 s
 * @param actuatorTimeout      one actuator poll, connect included; at most 2 s and below the poll period
 * @param managementTimeout    one management API request; at most 2 s
 * @param queueSource          {@code auto} (management API, else AMQP), {@code management} or {@code amqp}
 * @param dlqGrowthWindow      a dead-letter queue that grew within this window makes its service DEGRADED
 * @param recentTransitionsMax transitions shown on the page and kept in memory
 * @param webhookUrl           where transitions are POSTed; empty for none
 * @param webhookTimeout       one webhook call, connect included
 * @param streamClientsMax     live page connections (server-sent events) served at once
 */
@ConfigurationProperties("stockroom.health")
public record HealthProperties(List<Service> services,
                               @DefaultValue("2s") Duration queuePollInterval,
                               @DefaultValue("5s") Duration actuatorPollInterval,
                               @DefaultValue("2s") Duration actuatorTimeout,
                               @DefaultValue("2s") Duration managementTimeout,
                               @DefaultValue("auto") String queueSource,
                               @DefaultValue("60s") Duration dlqGrowthWindow,
                               @DefaultValue("50") int recentTransitionsMax,
                               String webhookUrl,
                               @DefaultValue("2s") Duration webhookTimeout,
                               @DefaultValue("50") int streamClientsMax,
                               Rabbit rabbit,
                               Viewer viewer) {

    private static final Duration INTERVAL_MIN = Duration.ofSeconds(1);
    private static final Duration INTERVAL_MAX = Duration.ofSeconds(60);
    private static final Duration TIMEOUT_MIN = Duration.ofMillis(100);
    private static final Duration TIMEOUT_MAX = Duration.ofSeconds(2);

    public HealthProperties {
        services = services == null ? List.of() : List.copyOf(services);
        if (services.isEmpty() || services.size() > 50) {
            throw new IllegalArgumentException("stockroom.health.services must list 1..50 services");
        }
        within("queue-poll-interval", queuePollInterval, INTERVAL_MIN, INTERVAL_MAX);
        within("actuator-poll-interval", actuatorPollInterval, INTERVAL_MIN, INTERVAL_MAX);
        within("actuator-timeout", actuatorTimeout, TIMEOUT_MIN, TIMEOUT_MAX);
        within("management-timeout", managementTimeout, TIMEOUT_MIN, TIMEOUT_MAX);
        within("webhook-timeout", webhookTimeout, TIMEOUT_MIN, Duration.ofSeconds(10));
        within("dlq-growth-window", dlqGrowthWindow, Duration.ofSeconds(1), Duration.ofHours(24));
        if (actuatorTimeout.plusMillis(500).compareTo(actuatorPollInterval) >= 0) {
            throw new IllegalArgumentException("stockroom.health.actuator-timeout + 500 ms must be below the "
                    + "actuator poll interval, so a round ends before the next is due");
        }
        if (recentTransitionsMax < 1 || recentTransitionsMax > 1_000) {
            throw new IllegalArgumentException("stockroom.health.recent-transitions-max must be 1..1000");
        }
        if (streamClientsMax < 1 || streamClientsMax > 1_000) {
            throw new IllegalArgumentException("stockroom.health.stream-clients-max must be 1..1000");
        }
        if (rabbit == null) {
            throw new IllegalArgumentException("stockroom.health.rabbit.* is missing");
        }
        viewer = viewer == null ? new Viewer(null, null) : viewer;
    }

    /**
     * A monitored service: its name, actuator base URL (optional), the queue it consumes (optional) and the further
     * queues it consumes ({@code also-consumes}, optional: e.g. the durable queue that keeps its copy of another
     * service's data). Checked when the monitor is built ({@code MonitoredService}).
     */
    public record Service(String name, String actuatorUrl, String queue, List<String> alsoConsumes) {

        public Service {
            alsoConsumes = alsoConsumes == null ? List.of() : List.copyOf(alsoConsumes);
        }
    }

    /** Where the RabbitMQ management API is and who reads it; {@code vhost} is the one the services use. */
    public record Rabbit(String managementUrl, String username, String password, String vhost) {
    }

    /**
     * The account that may read the health page and API. Both empty: read access is open in the {@code dev}
     * profile only, and the service refuses to start elsewhere.
     */
    public record Viewer(String username, String password) {

        public boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("stockroom.health." + name + " must be " + min + ".." + max
                    + ", was " + value);
        }
    }
}
