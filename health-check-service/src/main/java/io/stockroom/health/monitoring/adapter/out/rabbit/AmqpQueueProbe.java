package io.stockroom.health.monitoring.adapter.out.rabbit;

import io.stockroom.contracts.Topology;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.QueueStats;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what AMQP itself tells about a queue: a passive declare answers its ready-message and consumer counts (and
 * fails if the queue does not exist) on any AMQP 0-9-1 broker, including the embedded Qpid broker that has no
 * management API. It cannot see unacknowledged messages or rates. Time-bounded by the connection's channel RPC
 * timeout ({@code spring.rabbitmq.channel-rpc-timeout}).
 */
public final class AmqpQueueProbe {

    private final RabbitAdmin admin;
    private final Clock clock;

    public AmqpQueueProbe(RabbitAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /**
     * The consumer count of each existing queue, straight from the queue (a passive declare): unlike the management
     * API's consumer list, which shows a new consumer only with the next statistics emission (up to 5 s later), this
     * is current. Throws the broker client's exception when the broker cannot be reached.
     */
    public Map<String, Integer> consumerCounts(Collection<String> queues) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String queue : queues) {
            QueueInformation info = admin.getQueueInfo(queue);
            if (info != null) {
                counts.put(queue, info.getConsumerCount());
            }
        }
        return counts;
    }

    /** Throws the broker client's exception when the broker cannot be reached. */
    public QueueSnapshot observe(Collection<String> queues, String why) {
        Map<String, QueueStats> stats = new LinkedHashMap<>();
        for (String queue : queues) {
            QueueInformation info = admin.getQueueInfo(queue);
            if (info == null) {
                stats.put(queue, QueueStats.missing(queue));
                continue;
            }
            QueueInformation dlq = admin.getQueueInfo(Topology.deadLetterQueue(queue));
            stats.put(queue, new QueueStats(queue, true, info.getMessageCount(), null, info.getConsumerCount(),
                    null, null, dlq == null ? null : (long) dlq.getMessageCount()));
        }
        return new QueueSnapshot(QueueSource.AMQP, why, clock.instant(), stats);
    }
}
