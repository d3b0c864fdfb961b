package io.stockroom.health.monitoring.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Every watched queue at one moment, from one source.
 *
 * @param sourceDetail why this source was used (e.g. the management API's error), or null
 */
public record QueueSnapshot(QueueSource source, String sourceDetail, Instant observedAt,
                            Map<String, QueueStats> queues) {

    public QueueSnapshot {
        queues = Map.copyOf(queues);
    }

    public static QueueSnapshot unavailable(String why, Instant at) {
        return new QueueSnapshot(QueueSource.UNAVAILABLE, why, at, Map.of());
    }

    public Optional<QueueStats> queue(String name) {
        return Optional.ofNullable(queues.get(name));
    }
}
