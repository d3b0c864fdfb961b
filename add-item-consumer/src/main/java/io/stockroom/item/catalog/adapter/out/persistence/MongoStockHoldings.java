package io.stockroom.item.catalog.adapter.out.persistence;

import io.stockroom.item.catalog.application.StockHoldings;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;

/** Reads stock records (owned by the stock services) to tell whether an item still has units anywhere. */
public final class MongoStockHoldings implements StockHoldings {

    private final MongoStockQueries stock;

    public MongoStockHoldings(MongoStockQueries stock) {
        this.stock = stock;
    }

    @Override
    public long unitsHeld(String sku) {
        return stock.unitsHeld(sku);
    }
}
