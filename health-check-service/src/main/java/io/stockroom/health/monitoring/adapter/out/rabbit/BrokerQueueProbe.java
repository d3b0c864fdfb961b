package io.stockroom.health.monitoring.adapter.out.rabbit;

import io.stockroom.health.monitoring.application.QueueProbe;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;

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
                return noted(management.observe(queues));
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
