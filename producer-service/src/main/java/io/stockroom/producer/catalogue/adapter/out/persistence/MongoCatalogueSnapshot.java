package io.stockroom.producer.catalogue.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.producer.catalogue.application.CatalogueSnapshot;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.catalogue.domain.StockView;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@code items} (add-item-consumer's), {@code locations} and {@code stock_levels} (stock-management's) once at
 * start-up, read-only, streaming in batches. A document this version cannot read is skipped and logged, never fatal.
 */
public final class MongoCatalogueSnapshot implements CatalogueSnapshot {

    private static final Logger log = LoggerFactory.getLogger(MongoCatalogueSnapshot.class);
    private static final int BATCH_SIZE = 1_000;

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> locations;
    private final MongoStockQueries stock;

    public MongoCatalogueSnapshot(MongoTemplate mongo) {
        this.items = mongo.getCollection("items");
        this.locations = mongo.getCollection("locations");
        this.stock = new MongoStockQueries(mongo);
    }

    @Override
    public long loadInto(ReadModel model) {
        AtomicLong read = new AtomicLong();
        for (Document location : locations.find().batchSize(BATCH_SIZE)) {
            skipBroken("location", location, () -> model.applyLocation(location(location)));
            read.incrementAndGet();
        }
        for (Document item : items.find().batchSize(BATCH_SIZE)) {
            skipBroken("item", item, () -> {
                boolean deleted = item.getBoolean("deleted", false);
                model.applyItem(item.getString("_id"), deleted ? null : details(item.get("details", Document.class)),
                        item.get("version", Number.class).longValue(), deleted);
            });
            read.incrementAndGet();
        }
        stock.forEachLevel(level -> {
            model.applyStock(level.key().sku(), new StockView(level.key().location(), level.levels().onHand(),
                    level.levels().reserved(), level.levels().available(), level.lowStockThreshold(),
                    level.version(), false));
            read.incrementAndGet();
        });
        return read.get();
    }

    private static void skipBroken(String kind, Document document, Runnable apply) {
        try {
            apply.run();
        } catch (RuntimeException e) {
            log.warn("Skipped {} document {} the read side cannot use: {}", kind, document.get("_id"), e.toString());
        }
    }

    private static LocationView location(Document d) {
        return new LocationView(d.getString("_id"), d.getString("name"), LocationType.valueOf(d.getString("type")),
                d.get("priority", Number.class).intValue(), d.getBoolean("active", true),
                d.get("version", Number.class).longValue());
    }

    static ItemDetails details(Document d) {
        Document price = d.get("price", Document.class);
        Object amount = price.get("amount");
        BigDecimal value = amount instanceof Decimal128 decimal ? decimal.bigDecimalValue()
                : new BigDecimal(amount.toString());
        Map<String, String> attributes = new LinkedHashMap<>();
        Document stored = d.get("attributes", Document.class);
        if (stored != null) {
            stored.forEach((key, v) -> attributes.put(key, String.valueOf(v)));
        }
        Number threshold = d.get("lowStockThreshold", Number.class);
        return new ItemDetails(d.getString("name"), d.getString("brand"), d.getString("category"),
                new Money(value, price.getString("currency")), attributes, threshold == null ? 0 : threshold.intValue());
    }
}
