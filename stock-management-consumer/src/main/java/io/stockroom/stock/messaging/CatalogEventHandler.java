package io.stockroom.stock.messaging;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.stock.movement.application.Catalog;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

import java.util.List;
import java.util.Set;

/** Keeps stock management's own copy of the items from the item events on its durable queue (ADR 0008). */
final class CatalogEventHandler implements MessageHandler {

    private static final Set<MessageType> TYPES = Set.of(MessageType.ITEM_CREATED, MessageType.ITEM_UPDATED,
            MessageType.ITEM_DELETED);

    private final Catalog catalog;

    CatalogEventHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return TYPES;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        handleBatch(List.of(envelope));
    }

    /** One version-guarded bulk write for the whole batch; repeating it changes nothing. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        catalog.recordAll(batch.stream().map(envelope -> envelope.as(ItemEvent.class).payload()).toList());
        return List.of();
    }
}
