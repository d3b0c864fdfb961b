package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static io.stockroom.stock.ledger.adapter.out.persistence.StockDocuments.*;

/**
 * Read-only access to stock records and the ledger, for services that must look but never write (the catalogue
 * checks for units before deleting an item; the producer builds its read side and shows movement history).
 */
public final class MongoStockQueries {

    /** Upper bound on ledger entries returned by one history query. */
    public static final int HISTORY_LIMIT_MAX = 500;

    private final MongoCollection<Document> stock;
    private final MongoCollection<Document> ledger;

    public MongoStockQueries(MongoTemplate mongo) {
        this.stock = mongo.getCollection(STOCK);
        this.ledger = mongo.getCollection(LEDGER);
    }

    public Optional<StockLevel> level(StockKey key) {
        return Optional.ofNullable(stock.find(Filters.eq(ID, key.id())).projection(Projections.exclude(PENDING))
                .first()).map(StockDocuments::level);
    }

    public List<StockLevel> levelsOf(String sku) {
        return stock.find(Filters.eq(SKU, sku)).projection(Projections.exclude(PENDING))
                .map(StockDocuments::level).into(new ArrayList<>());
    }

    /** Streams every stock record to {@code sink}, without holding them all in memory at once. */
    public void forEachLevel(Consumer<StockLevel> sink) {
        stock.find().projection(Projections.exclude(PENDING)).batchSize(1_000)
                .forEach(document -> sink.accept(StockDocuments.level(document)));
    }

    /** Units on hand or reserved for a SKU across all locations. */
    public long unitsHeld(String sku) {
        return levelsOf(sku).stream().mapToLong(l -> l.levels().onHand() + (long) l.levels().reserved()).sum();
    }

    /** The newest ledger entries of a SKU, newest first; at most {@link #HISTORY_LIMIT_MAX}. */
    public List<LedgerEntry> history(String sku, int limit) {
        return ledger.find(Filters.eq(SKU, sku)).sort(Sorts.descending(AT))
                .limit(Math.min(Math.max(limit, 1), HISTORY_LIMIT_MAX))
                .map(doc -> StockDocuments.entry(doc, StockKey.parse(doc.getString(STOCK_ID)), doc.getString(ID)))
                .into(new ArrayList<>());
    }
}
