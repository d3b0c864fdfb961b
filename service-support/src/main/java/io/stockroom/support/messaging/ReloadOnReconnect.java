package io.stockroom.support.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Re-reads an instance's in-memory projection after the broker connection comes back. An instance queue is
 * auto-deleted when its connection drops, so events published meanwhile are missed; reading the snapshot again
 * (versions keep it from undoing anything newer the stream delivered since) closes that gap. The first connection
 * is left alone: the start-up load covers it.
 */
public final class ReloadOnReconnect implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(ReloadOnReconnect.class);
    /** Gives the listener containers time to consume again before the reload reads the store. */
    private static final long RELOAD_DELAY_MILLIS = 1_000;

    private final String what;
    private final LongSupplier reload;
    private final AtomicInteger connections = new AtomicInteger();

    private ReloadOnReconnect(String what, LongSupplier reload) {
        this.what = what;
        this.reload = reload;
    }

    /**
     * @param what   names the projection in the log
     * @param reload reads the snapshot again and returns how many documents it read
     */
    public static ReloadOnReconnect register(ConnectionFactory connectionFactory, String what, LongSupplier reload) {
        ReloadOnReconnect listener = new ReloadOnReconnect(what, reload);
        connectionFactory.addConnectionListener(listener);
        return listener;
    }

    @Override
    public void onCreate(Connection connection) {
        if (connections.incrementAndGet() > 1) {
            Thread.ofVirtual().name(what + "-reload").start(this::reloadLater);
        }
    }

    private void reloadLater() {
        try {
            Thread.sleep(RELOAD_DELAY_MILLIS);
            long documents = reload.getAsLong();
            log.info("Broker connection re-established: {} reloaded from {} documents", what, documents);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not reload {} after a reconnection: {}", what, e.toString());
        }
    }
}
