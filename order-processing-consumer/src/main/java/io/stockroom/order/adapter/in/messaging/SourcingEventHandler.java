package io.stockroom.order.adapter.in.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

import java.util.List;
import java.util.Set;

/** Keeps this instance's sourcing projection current from the events of locations, items and stock. */
final class SourcingEventHandler implements MessageHandler {

    /** What sourcing needs to know; everything else on the events exchange is not bound to the queue at all. */
    static final Set<MessageType> TYPES = Set.of(MessageType.LOCATION_CHANGED, MessageType.ITEM_CREATED,
            MessageType.ITEM_UPDATED, MessageType.ITEM_DELETED, MessageType.STOCK_CHANGED,
            MessageType.STOCK_RECORD_REMOVED);

    private final StockPlaces projection;

    SourcingEventHandler(StockPlaces projection) {
        this.projection = projection;
    }

    static List<String> routingKeys() {
        return TYPES.stream().map(MessageType::routingKey).sorted().toList();
    }

    @Override
    public Set<MessageType> handledTypes() {
        return TYPES;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        projection.apply(envelope.as(Event.class).payload());
    }

    /** Applying an event is an in-memory, version-guarded merge: a batch is simply all of them. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        batch.forEach(this::handle);
        return List.of();
    }
}
