package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.HealthOverview;
import io.stockroom.health.monitoring.application.ServiceHealth;
import io.stockroom.health.monitoring.domain.QueueObservation;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the page writes times, durations and figures ({@code ${@pageFormats.time(...)}} in the template). Times are
 * written in UTC with the year and labelled so; health.js rewrites them in the reader's time zone.
 */
@Component
public class PageFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%d min %d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %d min", seconds / 3600, (seconds % 3600) / 60);
    }

    public String count(Number value) {
        return value == null ? "—" : value.toString();
    }

    public String rate(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** "All 6 up", or what is not: "1 down · 1 degraded · 4 up". */
    public String summary(HealthOverview overview) {
        List<ServiceHealth> all = Stream.concat(overview.infrastructure().stream(), overview.services().stream())
                .toList();
        Map<ServiceState, Long> byState = all.stream().collect(Collectors.groupingBy(ServiceHealth::state,
                () -> new EnumMap<>(ServiceState.class), Collectors.counting()));
        if (byState.getOrDefault(ServiceState.UP, 0L) == all.size()) {
            return "All " + all.size() + " up";
        }
        return Stream.of(ServiceState.DOWN, ServiceState.DEGRADED, ServiceState.UNKNOWN, ServiceState.UP)
                .filter(byState::containsKey)
                .map(state -> byState.get(state) + " " + state.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
    }

    public String component(String name) {
        return switch (name) {
            case HealthMonitor.BROKER -> "Message broker (RabbitMQ)";
            case HealthMonitor.DATABASE -> "Database (MongoDB)";
            default -> name;
        };
    }

    public String actuator(ServiceHealth service) {
        if (service.actuator() == null) {
            return service.actuatorUrl() == null ? "actuator not polled" : "actuator not checked yet";
        }
        return service.actuator().responded()
                ? "actuator " + service.actuator().status() + " · " + service.actuator().latencyMillis() + " ms"
                : "actuator does not answer";
    }

    public String consumers(QueueStats stats) {
        return stats.consumers() == 1 ? "1 consumer" : stats.consumers() + " consumers";
    }

    /**
     * A further consumed queue in one line: "1 consumer · 0 ready · 2 dead letters (growing)". The words say what the
     * warning colour says, so the state is not told by colour alone.
     */
    public String alsoConsumed(QueueObservation observed) {
        QueueStats stats = observed.queueStats();
        if (stats == null) {
            return "not read yet";
        }
        if (!stats.exists()) {
            return "does not exist";
        }
        Long dead = stats.deadLetters();
        String deadLetters = count(dead) + (dead != null && dead == 1 ? " dead letter" : " dead letters");
        return consumers(stats) + " · " + stats.ready() + " ready · " + deadLetters
                + (observed.dlqGrowing() ? " (growing)" : "");
    }

    /** True when this further queue is what degrades its service: missing, without consumer, or dead-lettering. */
    public boolean troubled(QueueObservation observed) {
        QueueStats stats = observed.queueStats();
        return stats != null && (!stats.exists() || stats.consumers() == 0 || observed.dlqGrowing());
    }

    public String messages(QueueStats stats) {
        if (stats == null) {
            return "—";
        }
        String figures = stats.ready() + " ready · " + count(stats.unacked()) + " unacked";
        // Rates exist only where the management API has measured some (not over AMQP, not in the first round).
        return stats.publishRate() == null && stats.deliverRate() == null ? figures
                : figures + " · " + rate(stats.publishRate()) + "/s in · " + rate(stats.deliverRate()) + "/s out";
    }
}
