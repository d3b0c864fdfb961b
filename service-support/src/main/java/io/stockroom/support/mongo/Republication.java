package io.stockroom.support.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.stockroom.contracts.Event;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * An owner re-announces the current state of every document it owns, once per database and copy generation
 * (ADR 0009): a store from before the other services kept their own copies would otherwise leave those copies empty
 * until each document changed once. The owned collection is read in {@code _id} order, one page at a time, and each
 * page is published as full-state events with one confirm wait, so memory stays bounded by the page size. A marker
 * document ({@code _id} = the generation) records completion in a collection the owner owns; it is written only after
 * the last page was confirmed, so a run that dies midway is simply done again at the next start.
 *
 * <p>Doing it again, or two instances doing it at once, is harmless: every event carries the stored version, and every
 * subscriber applies an event only when its version is newer than what it holds (the copies' version-guarded upserts,
 * the order service's in-memory projection, the producer's read side), so an event it already has changes nothing.
 * A document changed during the run is announced by its own newer event too; versions keep the newest.
 */
public final class Republication {

    /** The copies this run fills: a new subscriber copy that needs the owners' state again would bump it. */
    public static final String COPIES_GENERATION = "copies-v1";
    public static final int PAGE_SIZE_MAX = 1_000;
    static final int ATTEMPTS_MAX = 10;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Republication.class);

    private final String what;
    private final MongoCollection<Document> owned;
    private final MongoCollection<Document> markers;
    private final Function<Document, ? extends Event> event;
    private final MessagePublisher publisher;
    private final Actor actor;
    private final Clock clock;
    private final int pageSize;
    private final Duration retryPause;

    /**
     * @param what     names the owned state in logs and in the messages' correlation id, e.g. {@code items}
     * @param owned    the collection whose documents are announced
     * @param markers  the owner's collection of completed runs
     * @param event    the full-state event of one stored document, carrying its stored version
     * @param service  the publishing service (the events' actor)
     * @param pageSize documents read and published per confirm wait
     */
    public Republication(String what, MongoCollection<Document> owned, MongoCollection<Document> markers,
                         Function<Document, ? extends Event> event, MessagePublisher publisher, String service,
                         Clock clock, int pageSize) {
        this(what, owned, markers, event, publisher, service, clock, pageSize, RETRY_PAUSE);
    }

    /** As above, with the pause between start-up attempts (tests shorten it). */
    Republication(String what, MongoCollection<Document> owned, MongoCollection<Document> markers,
                  Function<Document, ? extends Event> event, MessagePublisher publisher, String service,
                  Clock clock, int pageSize, Duration retryPause) {
        if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) {
            throw new IllegalArgumentException("pageSize must be 1.." + PAGE_SIZE_MAX + ", not " + pageSize);
        }
        this.what = what;
        this.owned = owned;
        this.markers = markers;
        this.event = event;
        this.publisher = publisher;
        this.actor = Actor.service(service);
        this.clock = clock;
        this.pageSize = pageSize;
        this.retryPause = retryPause;
    }

    /**
     * Announces every document unless this generation is already recorded as done.
     *
     * @return how many documents were announced; empty when the marker says it was done before
     * @throws io.stockroom.support.messaging.PublishFailedException when the broker did not confirm a page (the
     *                                                                marker is then not written)
     */
    public OptionalLong runOnce() {
        if (markers.find(Filters.eq("_id", COPIES_GENERATION)).first() != null) {
            return OptionalLong.empty();
        }
        PublishContext context = new PublishContext("republication:" + what + ":" + COPIES_GENERATION,
                "republication:" + what, actor);
        long count = 0;
        Object lastId = null;
        while (true) {
            Bson after = lastId == null ? new Document() : Filters.gt("_id", lastId);
            List<Document> page = owned.find(after).sort(Sorts.ascending("_id")).limit(pageSize)
                    .into(new ArrayList<>(pageSize));
            if (page.isEmpty()) {
                break;
            }
            publisher.publishEvents(page.stream().<Event>map(event).toList(), context);
            count += page.size();
            lastId = page.getLast().get("_id");
            if (page.size() < pageSize) {
                break;
            }
        }
        markers.replaceOne(Filters.eq("_id", COPIES_GENERATION), new Document("_id", COPIES_GENERATION)
                        .append("completedAt", Date.from(clock.instant())).append("count", count),
                new ReplaceOptions().upsert(true));
        return OptionalLong.of(count);
    }

    /**
     * {@link #runOnce} for start-up: a failure (the broker or the store unreachable) is logged, not thrown, so the
     * service still starts and serves its commands; it is tried again in the background every
     * {@link #RETRY_PAUSE} up to {@link #ATTEMPTS_MAX} times in all (an outage outlasting that is retried at the next
     * start, as the marker stays absent).
     */
    public void runAtStartUp() {
        runAtStartUpInBackgroundIfNeeded();
    }

    /** @return the thread that retries, or null when the first attempt settled it */
    Thread runAtStartUpInBackgroundIfNeeded() {
        if (attempt(1)) {
            return null;
        }
        return Thread.ofVirtual().name("republication-" + what).start(() -> {
            try {
                for (int attempt = 2; attempt <= ATTEMPTS_MAX; attempt++) {
                    Thread.sleep(retryPause);
                    if (attempt(attempt)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** @return true when done (now or before), false when it failed and may be tried again */
    private boolean attempt(int attempt) {
        try {
            OptionalLong announced = runOnce();
            if (announced.isPresent()) {
                log.info("Re-announced {} {} for the subscribers' copies ({})", announced.getAsLong(), what,
                        COPIES_GENERATION);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not re-announce the {} for the subscribers' copies (attempt {} of {}): {}", what,
                    attempt, ATTEMPTS_MAX, e.toString());
            return false;
        }
    }
}
