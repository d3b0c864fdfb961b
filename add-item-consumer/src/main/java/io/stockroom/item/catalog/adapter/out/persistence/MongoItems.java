package io.stockroom.item.catalog.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.support.mongo.Inserts;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.item.catalog.application.Items;
import io.stockroom.item.catalog.domain.Item;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code items} collection: {@code _id} = SKU. Prices are stored as Decimal128 (never a double) so range
 * filters and sorting stay exact. Each document keeps the ids of the last {@value #RECENT_COMMANDS_MAX} commands that
 * changed it, which is how a repeated command is recognised without a separate lookup table.
 */
public final class MongoItems implements Items {

    public static final String COLLECTION = "items";
    static final int RECENT_COMMANDS_MAX = 20;

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> items;
    private final Clock clock;

    public MongoItems(MongoTemplate mongo, Clock clock) {
        this.items = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<Item> find(String sku) {
        return Optional.ofNullable(items.find(Filters.eq("_id", sku)).first()).map(MongoItems::item);
    }

    @Override
    public boolean applied(String sku, String commandId) {
        return items.countDocuments(Filters.and(Filters.eq("_id", sku), Filters.eq("recentCommands", commandId))) > 0;
    }

    @Override
    public boolean insert(String sku, ItemDetails details, String commandId) {
        Date now = Date.from(clock.instant());
        return Inserts.insertIfAbsent(items, new Document("_id", sku).append("details", document(details))
                .append("version", 1L).append("deleted", false).append("recentCommands", List.of(commandId))
                .append("createdAt", now).append("updatedAt", now));
    }

    @Override
    public Optional<Item> revive(String sku, ItemDetails details, String commandId) {
        return change(Filters.and(Filters.eq("_id", sku), Filters.eq("deleted", true)),
                Updates.combine(Updates.set("details", document(details)), Updates.set("deleted", false)),
                commandId);
    }

    @Override
    public Optional<Item> update(String sku, long expectedVersion, ItemDetails details, String commandId) {
        return change(live(sku, expectedVersion), Updates.set("details", document(details)), commandId);
    }

    @Override
    public Optional<Item> markDeleted(String sku, long expectedVersion, String commandId) {
        return change(live(sku, expectedVersion), Updates.set("deleted", true), commandId);
    }

    private static Bson live(String sku, long expectedVersion) {
        return Filters.and(Filters.eq("_id", sku), Filters.eq("version", expectedVersion),
                Filters.eq("deleted", false));
    }

    /** One conditional update: the change, a version bump and the command id, or nothing when the filter misses. */
    private Optional<Item> change(Bson filter, Bson update, String commandId) {
        Bson full = Updates.combine(update, Updates.inc("version", 1L),
                Updates.set("updatedAt", Date.from(clock.instant())),
                Updates.pushEach("recentCommands", List.of(commandId), new PushOptions().slice(-RECENT_COMMANDS_MAX)));
        return Optional.ofNullable(items.findOneAndUpdate(filter, full, AFTER)).map(MongoItems::item);
    }

    static Document document(ItemDetails details) {
        return new Document("name", details.name()).append("brand", details.brand())
                .append("category", details.category())
                .append("price", new Document("amount", new Decimal128(details.price().amount()))
                        .append("currency", details.price().currency()))
                .append("attributes", new Document(new LinkedHashMap<>(details.attributes())))
                .append("lowStockThreshold", details.lowStockThreshold());
    }

    static Item item(Document document) {
        Document details = document.get("details", Document.class);
        Document price = details.get("price", Document.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        Document stored = details.get("attributes", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        }
        ItemDetails itemDetails = new ItemDetails(details.getString("name"), details.getString("brand"),
                details.getString("category"), new Money(amount(price.get("amount")), price.getString("currency")),
                attributes, details.get("lowStockThreshold", Number.class).intValue());
        return new Item(document.getString("_id"), itemDetails, document.get("version", Number.class).longValue(),
                document.getBoolean("deleted", false));
    }

    private static BigDecimal amount(Object stored) {
        return stored instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(stored.toString());
    }
}
