package io.stockroom.support.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells when a copy fed by a durable queue first caught up after start-up: the first moment the queue held no
 * message waiting for delivery. Before that, a copy that lacks something may simply not have read it yet (events
 * published while this service was down wait in its queue); after it, the copy lags only by the messages in flight.
 * A command that finds something missing from the copy can tell "not read yet" from "does not exist" this way
 * (ADR 0009).
 */
public final class QueueCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueCatchUp.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final AmqpAdmin admin;
    private final String queue;
    private final Clock clock;
    private volatile Instant caughtUpAt;
    private volatile Thread poller;
    private volatile boolean running;

    public QueueCatchUp(AmqpAdmin admin, String queue, Clock clock) {
        this.admin = admin;
        this.queue = queue;
        this.clock = clock;
    }

    /** When the queue was first seen empty since this instance started, or empty while it has not been. */
    public Optional<Instant> caughtUpAt() {
        return Optional.ofNullable(caughtUpAt);
    }

    /**
     * Waits, once started, until the copy has caught up, at most {@code atMost}.
     *
     * @return whether it caught up in time
     */
    public boolean awaitCaughtUp(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (caughtUpAt == null && running && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL);
        }
        return caughtUpAt != null;
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofVirtual().name("catch-up-" + queue).start(this::pollUntilCaughtUp);
    }

    private void pollUntilCaughtUp() {
        Instant started = clock.instant();
        while (!Thread.currentThread().isInterrupted()) {
            if (queueIsEmpty()) {
                caughtUpAt = clock.instant();
                log.info("Caught up with queue {} {} ms after start-up", queue,
                        Duration.between(started, caughtUpAt).toMillis());
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Messages delivered but not yet acknowledged are not counted: they are in flight, not unread. */
    private boolean queueIsEmpty() {
        try {
            QueueInformation information = admin.getQueueInfo(queue);
            return information != null && information.getMessageCount() == 0;
        } catch (AmqpException e) {
            log.debug("Could not read the depth of queue {}: {}", queue, e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread polling = poller;
        if (polling != null) {
            polling.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
