package io.stockroom.health.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A period a service spent DOWN.
 *
 * @param end null while it is still down; {@code duration} then runs up to the moment it was computed
 */
public record Downtime(String service, Instant start, Instant end, Duration duration) {

    /** The DOWN periods in one service's transitions, which must be in chronological order. */
    public static List<Downtime> from(List<Transition> chronological, Instant now) {
        List<Downtime> periods = new ArrayList<>();
        Transition opened = null;
        for (Transition transition : chronological) {
            if (transition.to() == ServiceState.DOWN && opened == null) {
                opened = transition;
            } else if (transition.from() == ServiceState.DOWN && opened != null) {
                periods.add(new Downtime(opened.service(), opened.at(), transition.at(),
                        Duration.between(opened.at(), transition.at())));
                opened = null;
            }
        }
        if (opened != null) {
            periods.add(new Downtime(opened.service(), opened.at(), null, Duration.between(opened.at(), now)));
        }
        return periods;
    }

    public boolean ongoing() {
        return end == null;
    }
}
