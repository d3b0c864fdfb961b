package io.stockroom.health.monitoring.domain;

import java.time.Instant;
import java.util.List;

/**
 * One poll of a service's {@code /actuator/health}.
 *
 * @param responded           true when the service answered with a health document (any HTTP status)
 * @param status              the top-level status it reported ({@code UP}, {@code DOWN}, ...), or null
 * @param unhealthyComponents components reporting DOWN or OUT_OF_SERVICE (bounded)
 * @param error               why there was no answer, or null
 */
public record ActuatorCheck(Instant checkedAt, boolean responded, String status, List<String> unhealthyComponents,
                            long latencyMillis, String error) {

    static final int COMPONENTS_LISTED_MAX = 20;

    public ActuatorCheck {
        unhealthyComponents = unhealthyComponents == null ? List.of()
                : List.copyOf(unhealthyComponents.subList(0, Math.min(unhealthyComponents.size(),
                        COMPONENTS_LISTED_MAX)));
    }

    public static ActuatorCheck answered(Instant at, String status, List<String> unhealthy, long latencyMillis) {
        return new ActuatorCheck(at, true, status, unhealthy, latencyMillis, null);
    }

    public static ActuatorCheck noAnswer(Instant at, String error, long latencyMillis) {
        return new ActuatorCheck(at, false, null, List.of(), latencyMillis, error);
    }

    /** True when the service says it is fully healthy. */
    public boolean healthy() {
        return responded && "UP".equals(status) && unhealthyComponents.isEmpty();
    }
}
