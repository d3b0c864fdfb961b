package io.stockroom.producer.command.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.support.mongo.Inserts;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.stockroom.producer.command.application.AdminActionStore;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.command.domain.AdminAction;
import io.stockroom.producer.common.PageOf;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The {@code admin_actions} collection (producer-owned): {@code _id} = command id. */
public final class MongoAdminActions implements AdminActionStore {

    static final String COLLECTION = "admin_actions";
    static final int COUNT_MAX = 10_000;

    private final MongoCollection<Document> actions;

    public MongoAdminActions(MongoTemplate mongo) {
        this.actions = mongo.getCollection(COLLECTION);
        actions.createIndex(Indexes.descending("requestedAt"));
        // The audit log's filters: each index starts with the filtered field and ends with the sort.
        actions.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("requestedAt")));
        actions.createIndex(Indexes.compoundIndex(Indexes.ascending("commandType"),
                Indexes.descending("requestedAt")));
    }

    @Override
    public boolean insert(AdminAction action) {
        Document document = new Document("_id", action.commandId())
                .append("commandType", action.commandType())
                .append("subject", action.subject())
                .append("actor", action.actor())
                .append("clientAddress", action.clientAddress())
                .append("requestedAt", Date.from(action.requestedAt()))
                .append("status", action.status().name())
                .append("reasonCode", action.reasonCode())
                .append("detail", action.detail())
                .append("completedAt", null)
                .append("published", action.published());
        return Inserts.insertIfAbsent(actions, document);
    }

    @Override
    public Optional<AdminAction> find(String commandId) {
        return Optional.ofNullable(actions.find(Filters.eq("_id", commandId)).first()).map(MongoAdminActions::action);
    }

    @Override
    public void markPublished(String commandId) {
        actions.updateOne(Filters.eq("_id", commandId), Updates.set("published", true));
    }

    @Override
    public void markNotSent(String commandId, String detail, Instant at) {
        actions.updateOne(Filters.and(Filters.eq("_id", commandId), Filters.eq("published", false)),
                Updates.combine(Updates.set("status", ActionStatus.REJECTED.name()),
                        Updates.set("reasonCode", AdminAction.NOT_SENT), Updates.set("detail", detail),
                        Updates.set("completedAt", Date.from(at))));
    }

    @Override
    public void markRetrying(String commandId) {
        actions.updateOne(Filters.and(Filters.eq("_id", commandId), Filters.eq("published", false)),
                Updates.combine(Updates.set("status", ActionStatus.PENDING.name()), Updates.set("reasonCode", null),
                        Updates.set("detail", null), Updates.set("completedAt", null)));
    }

    @Override
    public boolean complete(String commandId, ActionStatus status, String reasonCode, String detail, Instant at) {
        // Only a pending action takes an outcome: a repeated outcome event changes nothing.
        return actions.updateOne(Filters.and(Filters.eq("_id", commandId),
                        Filters.eq("status", ActionStatus.PENDING.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("reasonCode", reasonCode),
                        Updates.set("detail", detail), Updates.set("completedAt", Date.from(at)),
                        Updates.set("published", true)))
                .getModifiedCount() > 0;
    }

    @Override
    public PageOf<AdminAction> page(int page, int size) {
        List<AdminAction> items = actions.find().sort(Sorts.descending("requestedAt")).skip(page * size).limit(size)
                .map(MongoAdminActions::action).into(new ArrayList<>());
        return new PageOf<>(items, page, size, actions.countDocuments());
    }

    @Override
    public PageOf<AdminAction> page(ActionStatus status, String commandType, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (commandType != null) {
            filters.add(Filters.eq("commandType", commandType));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<AdminAction> items = actions.find(filter).sort(Sorts.descending("requestedAt")).skip(page * size)
                .limit(size).map(MongoAdminActions::action).into(new ArrayList<>());
        long total = filters.isEmpty() ? actions.countDocuments()
                : actions.countDocuments(filter, new CountOptions().limit(COUNT_MAX));
        return new PageOf<>(items, page, size, total);
    }

    private static AdminAction action(Document d) {
        Date completedAt = d.getDate("completedAt");
        return new AdminAction(d.getString("_id"), d.getString("commandType"), d.getString("subject"),
                d.getString("actor"), d.getString("clientAddress"), d.getDate("requestedAt").toInstant(),
                ActionStatus.valueOf(d.getString("status")), d.getString("reasonCode"), d.getString("detail"),
                completedAt == null ? null : completedAt.toInstant(), d.getBoolean("published", false));
    }
}
