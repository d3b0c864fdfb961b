package io.stockroom.producer.catalogue.application;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.catalogue.domain.StockView;

/** Applies catalogue, stock and location events to the read model (each guarded by its version). */
public final class ReadSideUpdates {

    private final ReadModel model;

    public ReadSideUpdates(ReadModel model) {
        this.model = model;
    }

    /** @return true if the event changed the read model; false for events it does not keep or older versions */
    public boolean apply(Event event) {
        return switch (event) {
            case ItemCreated e -> model.applyItem(e.sku(), e.details(), e.version(), false);
            case ItemUpdated e -> model.applyItem(e.sku(), e.details(), e.version(), false);
            case ItemDeleted e -> model.applyItem(e.sku(), null, e.version(), true);
            case StockChanged e -> model.applyStock(e.sku(), new StockView(e.location(), e.levels().onHand(),
                    e.levels().reserved(), e.levels().available(), e.lowStockThreshold(), e.version(), false));
            case StockRecordRemoved e -> model.applyStock(e.sku(), new StockView(e.location(), 0, 0, 0, 0,
                    e.version(), true));
            case LocationChanged e -> model.applyLocation(new LocationView(e.code(), e.name(), e.type(),
                    e.priority(), e.active(), e.version()));
            default -> false;
        };
    }
}
