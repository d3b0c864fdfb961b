package io.stockroom.health.monitoring.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a dead-letter queue is growing: it is when its depth went up at some sample within the window. A DLQ that
 * merely holds old messages is not growing; draining it is an operator's job, not an outage.
 *
 * @param lastDepth       the depth at the previous sample, or null before the first one
 * @param lastIncreaseAt  when the depth last went up, or null if never seen going up
 */
public record DeadLetterTrend(Long lastDepth, Instant lastIncreaseAt) {

    public static DeadLetterTrend start() {
        return new DeadLetterTrend(null, null);
    }

    /** The trend after one more sample; an unknown depth (null) changes nothing. */
    public DeadLetterTrend next(Long depth, Instant now) {
        if (depth == null) {
            return this;
        }
        boolean increased = lastDepth != null && depth > lastDepth;
        return new DeadLetterTrend(depth, increased ? now : lastIncreaseAt);
    }

    public boolean growing(Instant now, Duration window) {
        return lastIncreaseAt != null && Duration.between(lastIncreaseAt, now).compareTo(window) < 0;
    }
}
