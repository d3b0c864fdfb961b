package io.stockroom.producer.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * UI sessions in MongoDB (collection {@code sessions}), so a browser signed in through one producer instance is
 * signed in on all of them, and a producer that dies loses no session. One document per session,
 * {@code {_id: id, created, lastAccessed, maxInactiveSeconds, expiresAt, attributes: {name: bytes}}}: every read is an
 * exact {@code _id} lookup, every write one single-document update of only the attributes the request touched (so two
 * requests of one session on two instances do not overwrite each other's other attributes). Expired documents are
 * removed by a TTL index, and ignored (and deleted) when read before that.
 */
public final class MongoSessionRepository implements SessionRepository<StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

    /** Bounds what one session may hold; far above a signed-in shopper's context, token and cart. */
    static final int SESSION_BYTES_MAX = 256 * 1024;

    private final MongoCollection<Document> sessions;
    private final Duration maxInactive;
    private final Clock clock;

    public MongoSessionRepository(MongoCollection<Document> sessions, Duration maxInactive, Clock clock) {
        if (maxInactive.isNegative() || maxInactive.isZero()) {
            throw new IllegalArgumentException("sessions need a positive idle timeout");
        }
        this.sessions = sessions;
        this.maxInactive = maxInactive;
        this.clock = clock;
    }

    /** The expiry index; idempotent, so every instance may ask at start. */
    public void createIndexes() {
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public StoredSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(maxInactive);
        return new StoredSession(session, true);
    }

    @Override
    public void save(StoredSession session) {
        if (session.isNew() || session.idChanged()) {
            insertWhole(session);
            if (session.idChanged() && !session.isNew()) {
                sessions.deleteOne(Filters.eq("_id", session.originalId()));
            }
        } else {
            updateTouched(session);
        }
        session.saved();
    }

    private void insertWhole(StoredSession session) {
        Document attributes = new Document();
        long bytes = 0;
        for (String name : session.getAttributeNames()) {
            byte[] serialized = SessionAttributes.serialize(session.getAttribute(name));
            session.stored(name, serialized);
            bytes += serialized.length;
            attributes.append(SessionAttributes.fieldName(name), new Binary(serialized));
        }
        checkSize(bytes);
        Document document = metadata(session).append("_id", session.getId()).append("created",
                Date.from(session.getCreationTime())).append("attributes", attributes);
        sessions.replaceOne(Filters.eq("_id", session.getId()), document, new ReplaceOptions().upsert(true));
    }

    /**
     * Only what this request changed; a session deleted meanwhile (signed out elsewhere) is not brought back. A value
     * this request read but left as it was loaded is not written, so it cannot undo another request's change to it.
     */
    private void updateTouched(StoredSession session) {
        List<Bson> updates = new ArrayList<>();
        metadata(session).forEach((field, value) -> updates.add(Updates.set(field, value)));
        long bytes = 0;
        for (String name : List.copyOf(session.touched())) {
            Object value = session.getAttribute(name);
            byte[] serialized = value == null ? null : SessionAttributes.serialize(value);
            if (!session.changed(name, serialized)) {
                continue;
            }
            session.stored(name, serialized);
            String field = "attributes." + SessionAttributes.fieldName(name);
            if (serialized == null) {
                updates.add(Updates.unset(field));
            } else {
                bytes += serialized.length;
                updates.add(Updates.set(field, new Binary(serialized)));
            }
        }
        checkSize(bytes);
        sessions.updateOne(Filters.eq("_id", session.getId()), Updates.combine(updates));
    }

    private Document metadata(StoredSession session) {
        Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        return new Document("lastAccessed", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(expiresAt));
    }

    private static void checkSize(long bytes) {
        if (bytes > SESSION_BYTES_MAX) {
            throw new IllegalStateException("a session grew past " + SESSION_BYTES_MAX + " bytes");
        }
    }

    @Override
    public StoredSession findById(String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            return null;
        }
        Document document = sessions.find(Filters.eq("_id", id)).first();
        if (document == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("created").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessed").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        if (!session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        Document attributes = document.get("attributes", Document.class);
        Map<String, byte[]> stored = new HashMap<>();
        try {
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                String name = SessionAttributes.attributeName(attribute.getKey());
                byte[] serialized = ((Binary) attribute.getValue()).getData();
                session.setAttribute(name, SessionAttributes.deserialize(serialized));
                stored.put(name, serialized);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Written by a version whose classes differ, or tampered with: the user signs in again.
            log.warn("session {}… could not be read and was dropped: {}", id.substring(0, Math.min(8, id.length())),
                    e.getMessage());
            deleteById(id);
            return null;
        }
        return new StoredSession(session, false, stored);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(Filters.eq("_id", id));
    }
}
