package io.stockroom.producer.account.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.support.mongo.Inserts;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.Role;
import io.stockroom.producer.account.application.UserStore;
import io.stockroom.producer.account.domain.UserAccount;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code users} collection: {@code _id} = lower-case user name; found by exact id only. */
public final class MongoUsers implements UserStore {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    public MongoUsers(MongoTemplate mongo) {
        this.users = mongo.getCollection(COLLECTION);
    }

    @Override
    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(MongoUsers::account);
    }

    @Override
    public boolean insert(UserAccount account) {
        Document document = new Document("_id", account.username())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Role::name).sorted().toList())
                .append("enabled", account.enabled())
                .append("createdAt", Date.from(account.createdAt()));
        return Inserts.insertIfAbsent(users, document);
    }

    /** A conditional update: the filter carries the expected hash, so a concurrent change is never overwritten. */
    @Override
    public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
        if (username == null || expectedHash == null || newHash == null) {
            return false;
        }
        return users.updateOne(Filters.and(Filters.eq("_id", username), Filters.eq("passwordHash", expectedHash)),
                Updates.set("passwordHash", newHash)).getModifiedCount() == 1;
    }

    @Override
    public long count() {
        return users.estimatedDocumentCount();
    }

    private static UserAccount account(Document document) {
        List<String> roles = document.getList("roles", String.class, List.of());
        Date createdAt = document.getDate("createdAt");
        return new UserAccount(document.getString("_id"), document.getString("passwordHash"),
                roles.stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
                document.getBoolean("enabled", false), createdAt == null ? Instant.EPOCH : createdAt.toInstant(),
                document.getDate("lockedUntil") == null ? null : document.getDate("lockedUntil").toInstant());
    }

    /** {@code $max}: a lock set by another instance that lasts longer is kept. */
    @Override
    public void lockUntil(String username, Instant until) {
        users.updateOne(Filters.eq("_id", username), Updates.max("lockedUntil", Date.from(until)));
    }

    /** One single-document update by exact id: every producer instance sees it on its next request. */
    @Override
    public boolean setEnabled(String username, boolean enabled) {
        return users.updateOne(Filters.eq("_id", username), new Document("$set", new Document("enabled", enabled)))
                .getMatchedCount() == 1;
    }
}
