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
     * Handles a batch of decoded messages in delivery order. The default handles them one by one; a handler can
     * override it to group work (e.g. one update per SKU). If it throws, every message of the batch is handled again
     * one at a time, which idempotency makes safe.
     */
    default void handleBatch(List<Envelope<?>> batch) throws Exception {
        for (Envelope<?> envelope : batch) {
            handle(envelope);
        }
    }
}
