package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.Transition;

import java.time.Instant;
import java.util.List;

/**
 * The whole picture at one moment: every service, where the queue figures came from, the latest transitions.
 *
 * @param queueSourceDetail why that source was used, or null
 * @param queuesObservedAt  when the queue figures were read, or null before the first read
 * @param infrastructure    the message broker and the database, each with its state like a service's
 */
public record HealthOverview(Instant generatedAt, QueueSource queueSource, String queueSourceDetail,
                             Instant queuesObservedAt, List<ServiceHealth> services,
                             List<ServiceHealth> infrastructure, List<Transition> recentTransitions) {

    public HealthOverview {
        services = List.copyOf(services);
        infrastructure = List.copyOf(infrastructure);
        recentTransitions = List.copyOf(recentTransitions);
    }
}
