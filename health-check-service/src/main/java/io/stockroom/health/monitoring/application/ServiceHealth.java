package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.QueueObservation;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;

import java.time.Instant;
import java.util.List;

/**
 * Everything known about one service, as shown on the page and in the JSON API.
 *
 * @param since        when it entered its current state (null while UNKNOWN)
 * @param lastCheck    the latest observation of either kind, or null
 * @param actuator     the latest actuator poll, or null
 * @param queueStats   the latest figures of the queue it consumes, or null
 * @param dlqGrowing   whether its dead-letter queue grew within the window
 * @param alsoConsumes the further queues it consumes, each with its latest figures (null while unknown) and whether
 *                     its dead-letter queue grew within the window; empty when it has none
 */
public record ServiceHealth(String name, String actuatorUrl, String queue, ServiceState state, String reason,
                            Instant since, Instant lastCheck, ActuatorCheck actuator, QueueStats queueStats,
                            boolean dlqGrowing, List<QueueObservation> alsoConsumes) {

    public ServiceHealth {
        alsoConsumes = alsoConsumes == null ? List.of() : List.copyOf(alsoConsumes);
    }
}
