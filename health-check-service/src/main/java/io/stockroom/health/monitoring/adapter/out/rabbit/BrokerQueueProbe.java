package io.stockroom.health.monitoring.adapter.out.rabbit;

import io.stockroom.health.monitoring.application.QueueProbe;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the source of queue figures: the management API when it answers (richer: unacked counts, rates), AMQP
 * when it does not (the embedded broker, or the management plugin switched off). {@code mode} pins one source.
 * Logs only when the source changes, so a missing API does not flood the log every poll.
 */
public final class BrokerQueueProbe implements QueueProbe {

    private static final Logger log = LoggerFactory.getLogger(BrokerQueueProbe.class);

    /** Which sources may be used. */
    public enum Mode {
        AUTO, MANAGEMENT, AMQP;

        public static Mode parse(String value) {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final ManagementApiQueueProbe management;
    private final AmqpQueueProbe amqp;
    private final Mode mode;
    private final Clock clock;
    private volatile String lastSource = "";

    public BrokerQueueProbe(ManagementApiQueueProbe management, AmqpQueueProbe amqp, Mode mode, Clock clock) {
        this.management = management;
        this.amqp = amqp;
        this.mode = mode;
        this.clock = clock;
    }

    @Override
    public QueueSnapshot observe(Collection<String> queues) {
        String why = "management API not used (stockroom.health.queue-source=amqp)";
        if (mode != Mode.AMQP) {
            try {
                return noted(withCurrentConsumers(management.observe(queues), queues));
            } catch (IOException | RuntimeException e) {
                why = "management API unavailable: " + describe(e);
                if (mode == Mode.MANAGEMENT) {
                    return noted(QueueSnapshot.unavailable(why, clock.instant()));
                }
            }
        }
        try {
            return noted(amqp.observe(queues, why));
        } catch (RuntimeException e) {
            return noted(QueueSnapshot.unavailable(why + "; AMQP unavailable: " + describe(e), clock.instant()));
        }
    }

    /**
     * Depth and rates from the management API, consumer counts from the queues themselves: a consumer that came back
     * is then seen at once, not after the API's next statistics round. If AMQP fails, the API's counts stand.
     */
    private QueueSnapshot withCurrentConsumers(QueueSnapshot fromApi, Collection<String> queues) {
        Map<String, Integer> current;
        try {
            current = amqp.consumerCounts(queues);
        } catch (RuntimeException e) {
            log.debug("Consumer counts stay the management API's: {}", describe(e));
            return fromApi;
        }
        Map<String, QueueStats> merged = new LinkedHashMap<>(fromApi.queues());
        current.forEach((queue, consumers) -> merged.computeIfPresent(queue, (name, stats) -> !stats.exists() ? stats
                : new QueueStats(stats.queue(), true, stats.ready(), stats.unacked(), consumers, stats.publishRate(),
                        stats.deliverRate(), stats.deadLetters())));
        return new QueueSnapshot(fromApi.source(), fromApi.sourceDetail(), fromApi.observedAt(), merged);
    }

    private QueueSnapshot noted(QueueSnapshot snapshot) {
        String source = snapshot.source().name();
        if (!source.equals(lastSource)) {
            log.info("Queue figures now come from {}{}", snapshot.source().label(),
                    snapshot.sourceDetail() == null ? "" : " (" + snapshot.sourceDetail() + ")");
            lastSource = source;
        }
        return snapshot;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
