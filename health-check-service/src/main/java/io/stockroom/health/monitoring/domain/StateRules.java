package io.stockroom.health.monitoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the latest observations of one service into its state. DOWN means the service's work is not being done
 * (no answer from its actuator, or nobody consuming its queue); DEGRADED means it answers but something is wrong
 * (a health component down, messages piling up in its dead-letter queue, or a further queue it consumes missing,
 * without consumer or dead-lettering); UP means neither.
 */
public final class StateRules {

    private StateRules() {
    }

    /**
     * The state of a service that consumes at most one watched queue.
     *
     * @param actuator   the latest actuator poll, or null when none happened yet (or the service has no actuator)
     * @param queue      the latest fresh figures of the queue it consumes, or null when unknown
     * @param dlqGrowing true when its dead-letter queue grew within the configured window
     */
    public static Verdict judge(MonitoredService service, ActuatorCheck actuator, QueueStats queue,
                                boolean dlqGrowing) {
        return judge(service, actuator, queue, dlqGrowing, List.of());
    }

    /**
     * The state of a service with further consumed queues. A further queue feeds work besides the service's main
     * one, typically a copy it keeps of another service's data (ADR 0009): when that queue is missing, has no
     * consumer or dead-letters, the copy goes stale while the main work still goes on, so it makes the service
     * DEGRADED, never DOWN. Its figures are judged by the same checks as the main queue's.
     *
     * @param alsoConsumed one observation per further queue; those with unknown figures count against nobody
     */
    public static Verdict judge(MonitoredService service, ActuatorCheck actuator, QueueStats queue,
                                boolean dlqGrowing, List<QueueObservation> alsoConsumed) {
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        if (service.actuator().isPresent() && actuator != null) {
            if (!actuator.responded()) {
                down.add("actuator did not answer (" + actuator.error() + ")");
            } else if (!actuator.healthy()) {
                degraded.add(describeUnhealthy(actuator));
            }
        }
        boolean queueObserved = service.consumedQueue().isPresent() && queue != null;
        if (queueObserved) {
            unconsumed(queue).ifPresent(down::add);
            deadLettering(queue, dlqGrowing).ifPresent(degraded::add);
        }
        for (QueueObservation further : alsoConsumed) {
            if (further.queueStats() != null) {
                unconsumed(further.queueStats()).ifPresent(degraded::add);
                deadLettering(further.queueStats(), further.dlqGrowing()).ifPresent(degraded::add);
            }
        }
        if (!down.isEmpty()) {
            down.addAll(degraded);
            return new Verdict(ServiceState.DOWN, String.join("; ", down));
        }
        if (!degraded.isEmpty()) {
            return new Verdict(ServiceState.DEGRADED, String.join("; ", degraded));
        }
        boolean observed = (service.actuator().isPresent() && actuator != null) || queueObserved
                || alsoConsumed.stream().anyMatch(further -> further.queueStats() != null);
        return observed ? new Verdict(ServiceState.UP, "healthy")
                : new Verdict(ServiceState.UNKNOWN, "not observed yet");
    }

    /** Why nobody works through this queue, if nobody does. */
    private static Optional<String> unconsumed(QueueStats queue) {
        if (!queue.exists()) {
            return Optional.of("queue " + queue.queue() + " does not exist");
        }
        return queue.consumers() == 0
                ? Optional.of("no consumer on queue " + queue.queue() + " (" + queue.ready() + " messages waiting)")
                : Optional.empty();
    }

    private static Optional<String> deadLettering(QueueStats queue, boolean dlqGrowing) {
        return dlqGrowing ? Optional.of("dead-letter queue of " + queue.queue() + " is growing ("
                + queue.deadLetters() + " messages)") : Optional.empty();
    }

    private static String describeUnhealthy(ActuatorCheck actuator) {
        String components = actuator.unhealthyComponents().isEmpty() ? ""
                : " (" + String.join(", ", actuator.unhealthyComponents()) + ")";
        return "actuator reports " + actuator.status() + components;
    }
}
