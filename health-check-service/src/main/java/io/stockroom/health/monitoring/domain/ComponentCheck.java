package io.stockroom.health.monitoring.domain;

import java.time.Instant;

/**
 * One look at a piece of infrastructure every service depends on (the message broker, the database).
 *
 * @param detail what was seen, as a sentence: how it answered, or why it did not
 */
public record ComponentCheck(boolean up, String detail, Instant checkedAt) {
}
