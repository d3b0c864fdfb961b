package io.stockroom.support.messaging;

import io.stockroom.contracts.MessageType;

import java.util.List;
import java.util.Set;

/**
 * A service's reaction to messages of some types. When {@link #handle} returns, the effect must be durable and its
 * events confirmed: the message is acknowledged right after. Handlers must be idempotent, since any message can
 * arrive twice. Business rejections are outcomes (events), not exceptions; an exception means "could not process",
 * and is retried, then dead-lettered.
 */
public interface MessageHandler {

    /** The message types this handler processes; any other type on its queue is dead-lettered. */
    Set<MessageType> handledTypes();

    void handle(Envelope<?> envelope) throws Exception;

    /**
     * Handles a batch of decoded messages in delivery order, and returns those it left to be handled one at a time
     * through {@link #handle} (with its retries and dead-lettering). Every message not returned must be done when
     * this returns, exactly as after {@link #handle}: it is acknowledged right after. A handler overrides this to
     * group work (e.g. one update per stock record) and leaves out what it cannot group. The default leaves every
     * message to {@link #handle}. If it throws, every message of the batch is handled again one at a time, which
     * idempotency makes safe.
     *
     * @return the messages of {@code batch} still to be handled, in delivery order
     */
    default List<Envelope<?>> handleBatch(List<Envelope<?>> batch) throws Exception {
        return batch;
    }
}
