package io.stockroom.order.adapter.in.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.order.application.SourcingStore;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

import java.util.List;
import java.util.Set;

/**
 * Keeps the order service's stored copy of locations and items from its durable queue, which competing instances
 * share (ADR 0008); this instance's projection takes each event in too, since an event that waited in the queue
 * while no instance ran reached no instance's own queue.
 */
final class SourcingStoreHandler implements MessageHandler {

    private static final Set<MessageType> TYPES = Set.of(MessageType.LOCATION_CHANGED, MessageType.ITEM_CREATED,
            MessageType.ITEM_UPDATED, MessageType.ITEM_DELETED);

    private final SourcingStore store;
    private final StockPlaces projection;

    SourcingStoreHandler(SourcingStore store, StockPlaces projection) {
        this.store = store;
        this.projection = projection;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return TYPES;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        handleBatch(List.of(envelope));
    }

    /** One version-guarded bulk write per collection for the whole batch; repeating it changes nothing. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        List<Event> events = batch.stream().<Event>map(envelope -> envelope.as(Event.class).payload()).toList();
        store.recordAll(events);
        events.forEach(projection::apply);
        return List.of();
    }
}
