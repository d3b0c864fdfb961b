package io.stockroom.support.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A handler of events whose effect is one idempotent action per delivered batch: a version-guarded bulk write of a
 * service's own copy of another service's data (ADR 0009), or an in-memory merge. The action must be durable when
 * it returns (the batch is acknowledged right after) and must leave the same result when applied again.
 *
 * @param <E> the events' type
 */
public final class EventBatchHandler<E extends Event> implements MessageHandler {

    private final Class<E> eventType;
    private final Set<MessageType> types;
    private final Consumer<List<E>> apply;

    public EventBatchHandler(Class<E> eventType, Set<MessageType> types, Consumer<List<E>> apply) {
        this.eventType = eventType;
        this.types = Set.copyOf(types);
        this.apply = apply;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return types;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        handleBatch(List.of(envelope));
    }

    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        apply.accept(batch.stream().map(envelope -> envelope.as(eventType).payload()).toList());
        return List.of();
    }
}
