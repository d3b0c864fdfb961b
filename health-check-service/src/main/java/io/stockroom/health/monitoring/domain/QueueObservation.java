package io.stockroom.health.monitoring.domain;

/**
 * What is known of one queue a service consumes: the same three facts the page and the JSON API give for a service's
 * main queue ({@code queue}, {@code queueStats}, {@code dlqGrowing}), for each further queue.
 *
 * @param queue      the queue's name
 * @param queueStats its figures, or null while unknown (not read yet, no source answered, or too old to count)
 * @param dlqGrowing true when its dead-letter queue grew within the configured window
 */
public record QueueObservation(String queue, QueueStats queueStats, boolean dlqGrowing) {

    public QueueObservation {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue name missing");
        }
        if (queueStats != null && !queueStats.queue().equals(queue)) {
            throw new IllegalArgumentException("figures of " + queueStats.queue() + " given for " + queue);
        }
    }
}
