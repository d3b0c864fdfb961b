package io.stockroom.producer.catalogue.application;

import io.stockroom.stock.ledger.domain.LedgerEntry;

import java.util.List;

/** The movement ledger of an item, newest first (read from the store: history is not kept in memory). */
public interface StockHistory {

    List<LedgerEntry> movements(String sku, int limit);
}
