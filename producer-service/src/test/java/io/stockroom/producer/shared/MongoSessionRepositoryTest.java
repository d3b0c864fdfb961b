package io.stockroom.producer.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions in MongoDB, as two producer instances see them. */
class MongoSessionRepositoryTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final MongoCollection<Document> SESSIONS = MONGO.collection("sessions");

    /** What the shop keeps in a session and changes in place. */
    static final class Basket implements Serializable {
        final List<String> skus = new ArrayList<>();
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    private static MongoSessionRepository instance(Clock clock) {
        return new MongoSessionRepository(SESSIONS, Duration.ofMinutes(30), clock);
    }

    @Test
    void aSessionSavedByOneInstanceIsReadByTheOther() {
        MongoSessionRepository first = instance(Clock.systemUTC());
        MongoSessionRepository second = instance(Clock.systemUTC());
        StoredSession session = first.createSession();
        session.setAttribute("user", "alice");
        first.save(session);

        StoredSession seen = second.findById(session.getId());
        assertThat(seen).isNotNull();
        assertThat((String) seen.getAttribute("user")).isEqualTo("alice");
        assertThat(seen.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aValueChangedInPlaceAfterReadingItIsSaved() {
        MongoSessionRepository first = instance(Clock.systemUTC());
        StoredSession session = first.createSession();
        session.setAttribute("basket", new Basket());
        first.save(session);

        StoredSession again = instance(Clock.systemUTC()).findById(session.getId());
        Basket basket = again.getAttribute("basket");
        basket.skus.add("SEIKO-001");
        instance(Clock.systemUTC()).save(again);

        Basket stored = first.findById(session.getId()).getAttribute("basket");
        assertThat(stored.skus).containsExactly("SEIKO-001");
    }

    @Test
    void aLongRequestThatOnlyReadAValueDoesNotUndoAChangeMadeMeanwhile() {
        MongoSessionRepository repository = instance(Clock.systemUTC());
        StoredSession session = repository.createSession();
        session.setAttribute("basket", new Basket());
        repository.save(session);

        // An order page's live stream reads the basket at its start and ends long after.
        StoredSession stream = repository.findById(session.getId());
        Basket seenByStream = stream.getAttribute("basket");
        assertThat(seenByStream.skus).isEmpty();

        StoredSession order = repository.findById(session.getId());
        Basket basket = order.getAttribute("basket");
        basket.skus.add("SEIKO-001");
        repository.save(order);

        repository.save(stream);

        Basket stored = repository.findById(session.getId()).getAttribute("basket");
        assertThat(stored.skus).containsExactly("SEIKO-001");
    }

    @Test
    void aValueRemovedByARequestIsGoneAndSavingAgainChangesNothing() {
        MongoSessionRepository repository = instance(Clock.systemUTC());
        StoredSession session = repository.createSession();
        session.setAttribute("flash", "saved");
        repository.save(session);

        StoredSession loaded = repository.findById(session.getId());
        loaded.removeAttribute("flash");
        repository.save(loaded);
        repository.save(loaded);

        assertThat(repository.findById(session.getId()).getAttributeNames()).isEmpty();
    }

    @Test
    void twoRequestsOnTwoInstancesKeepEachOthersAttributes() {
        MongoSessionRepository first = instance(Clock.systemUTC());
        MongoSessionRepository second = instance(Clock.systemUTC());
        StoredSession created = first.createSession();
        first.save(created);

        StoredSession onFirst = first.findById(created.getId());
        StoredSession onSecond = second.findById(created.getId());
        onFirst.setAttribute("flash", "saved");
        onSecond.setAttribute("basket", new Basket());
        first.save(onFirst);
        second.save(onSecond);

        StoredSession merged = first.findById(created.getId());
        assertThat(merged.getAttributeNames()).containsExactlyInAnyOrder("flash", "basket");
    }

    @Test
    void aNewIdAtSignInReplacesTheOldDocument() {
        MongoSessionRepository first = instance(Clock.systemUTC());
        StoredSession session = first.createSession();
        session.setAttribute("csrf", "token");
        first.save(session);
        String before = session.getId();

        StoredSession loaded = first.findById(before);
        String after = loaded.changeSessionId();
        first.save(loaded);

        assertThat(first.findById(before)).isNull();
        assertThat((String) first.findById(after).getAttribute("csrf")).isEqualTo("token");
    }

    @Test
    void anIdleSessionIsGoneAndADeletedOneStaysGone() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        MongoSessionRepository then = instance(Clock.fixed(start, ZoneOffset.UTC));
        StoredSession session = then.createSession();
        then.save(session);

        MongoSessionRepository later = instance(Clock.fixed(start.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertThat(later.findById(session.getId())).isNull();

        StoredSession other = then.createSession();
        then.save(other);
        StoredSession stillOpen = then.findById(other.getId());
        then.deleteById(other.getId());
        stillOpen.setAttribute("after", "sign-out");
        then.save(stillOpen);
        assertThat(then.findById(other.getId())).isNull();
    }

    @Test
    void aStoredValueOfAClassOutsideTheAllowedPackagesIsNeverInstantiated() {
        MongoSessionRepository repository = instance(Clock.systemUTC());
        StoredSession session = repository.createSession();
        session.setAttribute("user", "mallory");
        repository.save(session);
        // A serialized java.net.URL-free but foreign class: javax.management objects are not on the allow list.
        byte[] foreign = SessionAttributes.serialize(new javax.management.ObjectName[0]);
        SESSIONS.updateOne(Filters.eq("_id", session.getId()), Updates.set("attributes."
                + SessionAttributes.fieldName("evil"), new Binary(foreign)));

        assertThat(repository.findById(session.getId())).isNull();
        assertThat(SESSIONS.find(Filters.eq("_id", session.getId())).first()).isNull();
    }
}
