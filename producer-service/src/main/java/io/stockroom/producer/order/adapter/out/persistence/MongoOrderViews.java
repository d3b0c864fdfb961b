package io.stockroom.producer.order.adapter.out.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.order.application.OrderStore;
import io.stockroom.contracts.item.Money;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.RejectionView;
import io.stockroom.producer.order.domain.StatusChange;
import io.stockroom.support.mongo.Inserts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code order_views} collection (producer-owned): {@code _id} = order id. Order events update a view only
 * when their version is higher than the stored one, in one conditional update, so a late event never wins and a
 * redelivered one adds no history entry (the history is bounded by the lifecycle's few steps).
 *
 * <p>Unit prices at placement live in their own field ({@code prices}, by line number), because a confirmation
 * replaces {@code lines} with the allocated ones. The admin list's filters each have an index that starts with the
 * filtered field and ends with {@code placedAt}, so a filtered, newest-first page reads only what it shows.
 */
public final class MongoOrderViews implements OrderStore {

    static final String COLLECTION = "order_views";
    private static final int DUPLICATE_KEY = 11000;
    private final MongoCollection<Document> orders;

    public MongoOrderViews(MongoTemplate mongo) {
        this.orders = mongo.getCollection(COLLECTION);
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customer"), Indexes.descending("placedAt")));
        orders.createIndex(Indexes.descending("placedAt"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("placedAt")));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("lines.sku"), Indexes.descending("placedAt")));
    }

    @Override
    public boolean insert(OrderView order) {
        Document document = new Document("_id", order.orderId())
                .append("customer", order.customer())
                .append("status", order.status().name())
                .append("lines", order.lines().stream().map(MongoOrderViews::line).toList())
                .append("prices", order.lines().stream().filter(l -> l.unitPrice() != null)
                        .map(l -> new Document("lineNo", l.lineNo())
                                .append("amount", new Decimal128(l.unitPrice().amount()))
                                .append("currency", l.unitPrice().currency())).toList())
                .append("rejections", List.of())
                .append("history", order.history().stream().map(MongoOrderViews::change).toList())
                .append("version", order.version())
                .append("placedAt", Date.from(order.placedAt()))
                .append("sourcing", order.sourcing());
        return Inserts.insertIfAbsent(orders, document);
    }

    @Override
    public Optional<OrderView> find(String orderId) {
        return Optional.ofNullable(orders.find(Filters.eq("_id", orderId)).first()).map(MongoOrderViews::view);
    }

    @Override
    public List<OrderView> byCustomer(String customer, int limit) {
        return orders.find(Filters.eq("customer", customer)).sort(Sorts.descending("placedAt")).limit(limit)
                .map(MongoOrderViews::view).into(new ArrayList<>());
    }

    @Override
    public PageOf<OrderView> page(int page, int size) {
        List<OrderView> items = orders.find().sort(Sorts.descending("placedAt")).skip(page * size).limit(size)
                .map(MongoOrderViews::view).into(new ArrayList<>());
        return new PageOf<>(items, page, size, orders.countDocuments());
    }

    @Override
    public PageOf<OrderView> search(OrderSearch search) {
        Bson filter = filter(search);
        List<OrderView> items = orders.find(filter).sort(Sorts.descending("placedAt"))
                .skip(search.page() * search.size()).limit(search.size())
                .map(MongoOrderViews::view).into(new ArrayList<>());
        long total = items.size() < search.size() && (search.page() == 0 || !items.isEmpty())
                ? (long) search.page() * search.size() + items.size()
                : orders.countDocuments(filter, new CountOptions().limit(COUNT_MAX));
        return new PageOf<>(items, search.page(), search.size(), total);
    }

    private static Bson filter(OrderSearch search) {
        List<Bson> all = new ArrayList<>();
        if (search.status() != null) {
            all.add(Filters.eq("status", search.status().name()));
        }
        if (search.customer() != null) {
            all.add(Filters.eq("customer", search.customer()));
        }
        if (search.sku() != null) {
            all.add(Filters.eq("lines.sku", search.sku()));
        }
        if (search.from() != null) {
            all.add(Filters.gte("placedAt", Date.from(search.from())));
        }
        if (search.until() != null) {
            all.add(Filters.lt("placedAt", Date.from(search.until())));
        }
        if (search.text() != null) {
            // Prefix matches only: anchored, case-sensitive regexes use the _id and customer indexes.
            String text = search.text().toLowerCase(Locale.ROOT);
            String bare = text.startsWith("ord-") ? text.substring(4) : text;
            all.add(Filters.or(Filters.regex("_id", "^ord-" + escape(bare)),
                    Filters.regex("customer", "^" + escape(text))));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    private static String escape(String word) {
        return word.replace(".", "\\.");
    }

    /** One unordered bulk write; an item that fails as a duplicate key lost to a newer version: it is stale. */
    @Override
    public int applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> writes = changes.stream().map(change -> new UpdateOneModel<Document>(
                Filters.and(Filters.eq("_id", change.orderId()), Filters.lt("version", change.version())),
                update(change), new UpdateOptions().upsert(true))).toList();
        try {
            BulkWriteResult result = orders.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getModifiedCount() + result.getUpserts().size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteResult().getModifiedCount() + e.getWriteResult().getUpserts().size();
        }
    }

    private static Bson update(Change change) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", change.status().name()),
                Updates.set("version", change.version()), Updates.set("customer", change.customer()),
                Updates.push("history", change(new StatusChange(change.status(), change.at(), change.detail()))),
                Updates.setOnInsert("placedAt", Date.from(change.at()))));
        if (change.lines() != null) {
            updates.add(Updates.set("lines", change.lines().stream().map(MongoOrderViews::line).toList()));
        }
        if (change.rejections() != null) {
            updates.add(Updates.set("rejections", change.rejections().stream().map(MongoOrderViews::rejection)
                    .toList()));
        }
        return Updates.combine(updates);
    }

    private static Document line(OrderLineView line) {
        return new Document("lineNo", line.lineNo()).append("sku", line.sku()).append("quantity", line.quantity())
                .append("location", line.location());
    }

    private static Document rejection(RejectionView r) {
        return new Document("lineNo", r.lineNo()).append("sku", r.sku()).append("location", r.location())
                .append("reason", r.reason()).append("detail", r.detail());
    }

    private static Document change(StatusChange change) {
        return new Document("status", change.status().name()).append("at", Date.from(change.at()))
                .append("detail", change.detail());
    }

    private static OrderView view(Document d) {
        Map<Integer, Money> prices = new HashMap<>();
        for (Document price : d.getList("prices", Document.class, List.of())) {
            prices.put(price.getInteger("lineNo", 0), new Money(price.get("amount", Decimal128.class).bigDecimalValue(),
                    price.getString("currency")));
        }
        List<OrderLineView> lines = d.getList("lines", Document.class, List.of()).stream()
                .map(l -> new OrderLineView(l.getInteger("lineNo", 0), l.getString("sku"),
                        l.getInteger("quantity", 0), l.getString("location"),
                        prices.get(l.getInteger("lineNo", 0)))).toList();
        List<RejectionView> rejections = d.getList("rejections", Document.class, List.of()).stream()
                .map(r -> new RejectionView(r.getInteger("lineNo", 0), r.getString("sku"), r.getString("location"),
                        r.getString("reason"), r.getString("detail"))).toList();
        List<StatusChange> history = d.getList("history", Document.class, List.of()).stream()
                .map(h -> new StatusChange(OrderStatus.valueOf(h.getString("status")), h.getDate("at").toInstant(),
                        h.getString("detail"))).toList();
        Date placedAt = d.getDate("placedAt");
        return new OrderView(d.getString("_id"), d.getString("customer"), OrderStatus.valueOf(d.getString("status")),
                lines, rejections, history, d.get("version", Number.class).longValue(),
                placedAt == null ? Instant.EPOCH : placedAt.toInstant(), d.getString("sourcing"));
    }
}
