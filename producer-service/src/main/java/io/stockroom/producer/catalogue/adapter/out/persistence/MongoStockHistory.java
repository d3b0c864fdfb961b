package io.stockroom.producer.catalogue.adapter.out.persistence;

import io.stockroom.producer.catalogue.application.StockHistory;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** Movement history straight from the ledger (read-only). */
public final class MongoStockHistory implements StockHistory {

    private final MongoStockQueries queries;

    public MongoStockHistory(MongoTemplate mongo) {
        this.queries = new MongoStockQueries(mongo);
    }

    @Override
    public List<LedgerEntry> movements(String sku, int limit) {
        return queries.history(sku, limit);
    }
}
