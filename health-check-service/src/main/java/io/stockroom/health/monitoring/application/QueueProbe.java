package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.QueueSnapshot;

import java.util.Collection;

/** Reads the broker's view of the watched queues; bounded in time, never throws (answers UNAVAILABLE instead). */
public interface QueueProbe {

    QueueSnapshot observe(Collection<String> queues);
}
