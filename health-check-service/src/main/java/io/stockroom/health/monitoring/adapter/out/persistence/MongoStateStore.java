package io.stockroom.health.monitoring.adapter.out.persistence;

import io.stockroom.health.monitoring.application.StateStore;
import io.stockroom.health.monitoring.application.StoredState;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.Transition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps states in {@code service_states} ({@code _id} = service name) and the append-only history in
 * {@code service_transitions} ({@code _id} = {@code service@instant}). Writes go through one writer thread with a
 * bounded queue, so a slow or absent MongoDB (server selection waits up to 5 s) never stalls the monitoring threads;
 * the in-memory state stays authoritative and a write that cannot be queued is logged.
 */
public final class MongoStateStore implements StateStore, AutoCloseable {

    static final String STATES = "service_states";
    static final String TRANSITIONS = "service_transitions";
    private static final Logger log = LoggerFactory.getLogger(MongoStateStore.class);
    private static final int PENDING_WRITES_MAX = 1_000;
    private static final int READ_LIMIT_MAX = 1_000;

    private final MongoTemplate mongo;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(PENDING_WRITES_MAX), runnable -> new Thread(runnable, "health-store-writer"));

    public MongoStateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the history queries need (newest first, optionally per service). */
    public void createIndexes() {
        mongo.indexOps(TRANSITIONS).createIndex(new Index().on("service", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("service_at"));
        mongo.indexOps(TRANSITIONS).createIndex(new Index().on("at", Sort.Direction.DESC).named("at"));
    }

    @Override
    public Map<String, StoredState> loadStates() {
        Map<String, StoredState> states = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, STATES)) {
            states.put(document.getString("_id"), new StoredState(document.getString("_id"),
                    ServiceState.valueOf(document.getString("state")), document.getString("reason"),
                    toInstant(document.getDate("since"))));
        }
        return states;
    }

    @Override
    public void saveState(StoredState state) {
        Document document = new Document("_id", state.service()).append("state", state.state().name())
                .append("reason", state.reason()).append("since", Date.from(state.since()));
        write("state of " + state.service(), () -> mongo.save(document, STATES));
    }

    @Override
    public void append(Transition transition) {
        Document document = new Document("_id", transition.id()).append("service", transition.service())
                .append("from", transition.from().name()).append("to", transition.to().name())
                .append("reason", transition.reason()).append("at", Date.from(transition.at()))
                .append("atNanos", transition.at().getNano());
        // save, not insert: a retried write of the same transition (same natural id) stays one document.
        write("transition " + transition.id(), () -> mongo.save(document, TRANSITIONS));
    }

    @Override
    public List<Transition> recent(int max) {
        return find(new Query(), max);
    }

    @Override
    public List<Transition> recentOf(String service, int max) {
        return find(new Query(Criteria.where("service").is(service)), max);
    }

    /** Waits (bounded) until queued writes are done; for shutdown and tests. */
    public boolean flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (writer.getActiveCount() > 0 || !writer.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("{} state writes were not stored before shutdown", writer.getQueue().size());
            writer.shutdownNow();
        }
    }

    private List<Transition> find(Query query, int max) {
        int limit = Math.clamp(max, 1, READ_LIMIT_MAX);
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at", "atNanos")).limit(limit), Document.class,
                        TRANSITIONS).stream().map(MongoStateStore::transition).toList();
    }

    private static Transition transition(Document document) {
        Instant at = document.getDate("at").toInstant().with(java.time.temporal.ChronoField.NANO_OF_SECOND,
                document.getInteger("atNanos", 0));
        return new Transition(document.getString("service"), ServiceState.valueOf(document.getString("from")),
                ServiceState.valueOf(document.getString("to")), document.getString("reason"), at);
    }

    private void write(String what, Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.warn("Could not store {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Dropped the write of {}: {} writes already waiting for MongoDB", what, PENDING_WRITES_MAX);
        }
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
