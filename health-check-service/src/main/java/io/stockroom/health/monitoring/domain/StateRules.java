package io.stockroom.health.monitoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the latest observations of one service into its state. DOWN means the service's work is not being done
 * (no answer from its actuator, or nobody consuming its queue); DEGRADED means it answers but something is wrong
 * (a health component down, or messages piling up in its dead-letter queue); UP means neither.
 */
public final class StateRules {

    private StateRules() {
    }

    /**
     * @param actuator   the latest actuator poll, or null when none happened yet (or the service has no actuator)
     * @param queue      the latest fresh figures of the queue it consumes, or null when unknown
     * @param dlqGrowing true when its dead-letter queue grew within the configured window
     */
    public static Verdict judge(MonitoredService service, ActuatorCheck actuator, QueueStats queue,
                                boolean dlqGrowing) {
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        if (service.actuator().isPresent() && actuator != null) {
            if (!actuator.responded()) {
                down.add("actuator did not answer (" + actuator.error() + ")");
            } else if (!actuator.healthy()) {
                degraded.add(describeUnhealthy(actuator));
            }
        }
        if (service.consumedQueue().isPresent() && queue != null) {
            if (!queue.exists()) {
                down.add("queue " + queue.queue() + " does not exist");
            } else if (queue.consumers() == 0) {
                down.add("no consumer on queue " + queue.queue() + " (" + queue.ready() + " messages waiting)");
            }
            if (dlqGrowing) {
                degraded.add("dead-letter queue of " + queue.queue() + " is growing (" + queue.deadLetters()
                        + " messages)");
            }
        }
        if (!down.isEmpty()) {
            down.addAll(degraded);
            return new Verdict(ServiceState.DOWN, String.join("; ", down));
        }
        if (!degraded.isEmpty()) {
            return new Verdict(ServiceState.DEGRADED, String.join("; ", degraded));
        }
        boolean observed = (service.actuator().isPresent() && actuator != null)
                || (service.consumedQueue().isPresent() && queue != null);
        return observed ? new Verdict(ServiceState.UP, "healthy")
                : new Verdict(ServiceState.UNKNOWN, "not observed yet");
    }

    private static String describeUnhealthy(ActuatorCheck actuator) {
        String components = actuator.unhealthyComponents().isEmpty() ? ""
                : " (" + String.join(", ", actuator.unhealthyComponents()) + ")";
        return "actuator reports " + actuator.status() + components;
    }
}
