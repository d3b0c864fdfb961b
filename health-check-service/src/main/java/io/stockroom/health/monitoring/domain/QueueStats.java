package io.stockroom.health.monitoring.domain;

/**
 * One queue as last seen. Rates and unacknowledged counts are null when the source cannot tell (AMQP).
 *
 * @param exists      false when the broker does not know the queue (nobody declared it yet)
 * @param ready       messages waiting for a consumer
 * @param unacked     messages delivered but not yet acknowledged; null when unknown
 * @param consumers   consumers attached right now
 * @param publishRate messages per second published into the queue; null when unknown
 * @param deliverRate messages per second delivered to consumers; null when unknown
 * @param deadLetters messages in the queue's dead-letter queue; null when unknown
 */
public record QueueStats(String queue, boolean exists, long ready, Long unacked, int consumers, Double publishRate,
                         Double deliverRate, Long deadLetters) {

    public QueueStats {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue name missing");
        }
        if (ready < 0 || consumers < 0 || (unacked != null && unacked < 0)
                || (deadLetters != null && deadLetters < 0)) {
            throw new IllegalArgumentException("queue figures cannot be negative: " + queue);
        }
    }

    public static QueueStats missing(String queue) {
        return new QueueStats(queue, false, 0, null, 0, null, null, null);
    }
}
