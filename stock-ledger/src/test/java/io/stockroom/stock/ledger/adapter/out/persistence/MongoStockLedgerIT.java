package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.stock.ledger.domain.AuditReport;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.Refusal;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.store.embedded.EmbeddedMemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger against a MongoDB-wire server: atomicity, idempotency, crash recovery, audit. */
class MongoStockLedgerIT {

    private static MongoServer server;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock();
    private MongoTemplate mongo;
    private MongoStockLedger ledger;
    private final StockKey key = new StockKey("WATCH-1", "BLR-1");

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new EmbeddedMemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "ledger_" + UUID.randomUUID().toString().replace("-", ""));
        ledger = newLedger();
    }

    /** A new instance over the same database, as a restarted consumer process would be. */
    private MongoStockLedger newLedger() {
        return new MongoStockLedger(mongo, sku -> 3, clock);
    }

    private Provenance by(String actor) {
        return new Provenance(actor, "corr-1", "test", clock.instant());
    }

    private StockLevels levels() {
        return ledger.level(key).orElseThrow().levels();
    }

    @Test
    void receiving_creates_the_record_and_writes_one_ledger_entry() {
        MovementResult result = ledger.apply(Movement.received("op-1", key, 10, by("admin")));

        assertThat(result).isInstanceOf(MovementResult.Applied.class);
        MovementResult.Applied applied = (MovementResult.Applied) result;
        assertThat(applied.after().levels()).isEqualTo(StockLevels.of(10, 0));
        assertThat(applied.after().lowStockThreshold()).isEqualTo(3);
        assertThat(applied.after().version()).isEqualTo(1);
        assertThat(ledger.history("WATCH-1", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.onHandDelta()).isEqualTo(10));
    }

    @Test
    void the_same_operation_applied_twice_changes_stock_once() {
        Movement receive = Movement.received("op-1", key, 10, by("admin"));

        ledger.apply(receive);
        MovementResult again = ledger.apply(receive);
        MovementResult afterRestart = newLedger().apply(receive);

        assertThat(again).isInstanceOf(MovementResult.AlreadyApplied.class);
        assertThat(afterRestart).isInstanceOf(MovementResult.AlreadyApplied.class);
        assertThat(levels()).isEqualTo(StockLevels.of(10, 0));
        assertThat(ledger.history("WATCH-1", 10)).hasSize(1);
    }

    @Test
    void a_refused_movement_changes_nothing_and_says_why() {
        ledger.apply(Movement.received("op-1", key, 2, by("admin")));

        MovementResult result = ledger.apply(Movement.reserved("op-2", key, 3, by("order")));

        assertThat(result).isInstanceOfSatisfying(MovementResult.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_AVAILABLE));
        assertThat(levels()).isEqualTo(StockLevels.of(2, 0));
        assertThat(ledger.history("WATCH-1", 10)).hasSize(1);
    }

    @Test
    void a_compare_and_set_with_a_stale_count_is_refused() {
        ledger.apply(Movement.received("op-1", key, 10, by("admin")));

        assertThat(ledger.apply(Movement.countSet("op-2", key, 9, 4, by("erp"))))
                .isInstanceOfSatisfying(MovementResult.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.COUNT_MISMATCH));
        assertThat(ledger.apply(Movement.countSet("op-3", key, 10, 4, by("erp"))))
                .isInstanceOf(MovementResult.Applied.class);
        assertThat(levels()).isEqualTo(StockLevels.of(4, 0));
    }

    @Test
    void a_crash_between_the_stock_update_and_the_ledger_write_is_finished_by_the_redelivery() {
        Movement reserve = Movement.reserved("order-1:line:0:reserve", key, 2, by("order"));
        ledger.apply(Movement.received("op-1", key, 10, by("admin")));
        ledger.apply(reserve);
        // The process died right after the stock update: the ledger entry never made it.
        mongo.getCollection(StockDocuments.LEDGER).deleteOne(Filters.eq("_id", reserve.operationId()));

        MovementResult redelivered = newLedger().apply(reserve);

        assertThat(redelivered).isInstanceOf(MovementResult.AlreadyApplied.class);
        assertThat(levels()).isEqualTo(StockLevels.of(10, 2));
        assertThat(ledger.history("WATCH-1", 10)).extracting(e -> e.operationId()).contains(reserve.operationId());
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void the_janitor_writes_the_entries_of_writers_that_died_and_were_never_redelivered() {
        Movement receive = Movement.received("op-1", key, 10, by("admin"));
        ledger.apply(receive);
        mongo.getCollection(StockDocuments.LEDGER).deleteOne(Filters.eq("_id", "op-1"));
        MongoStockLedger restarted = newLedger();

        assertThat(restarted.completePendingEntries()).as("young markers are left to their writers").isZero();
        clock.advance(Duration.ofMinutes(2));

        assertThat(restarted.completePendingEntries()).isEqualTo(1);
        assertThat(ledger.history("WATCH-1", 10)).hasSize(1);
        assertThat(ledger.audit(10).isClean()).isTrue();
        assertThat(restarted.apply(receive)).isInstanceOf(MovementResult.AlreadyApplied.class);
        assertThat(levels()).isEqualTo(StockLevels.of(10, 0));
    }

    @Test
    void concurrent_reservations_never_take_more_than_is_available() throws Exception {
        ledger.apply(Movement.received("op-1", key, 50, by("admin")));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<MovementResult>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String op = "order-" + i + ":line:0:reserve";
            results.add(pool.submit(() -> ledger.apply(Movement.reserved(op, key, 1, by("order")))));
        }
        int applied = 0;
        for (Future<MovementResult> result : results) {
            if (result.get() instanceof MovementResult.Applied) {
                applied++;
            }
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(50);
        assertThat(levels()).isEqualTo(StockLevels.of(50, 50));
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void markers_of_a_busy_record_stay_few_because_later_updates_remove_them() {
        ledger.apply(Movement.received("op-0", key, 5_000, by("admin")));
        for (int i = 0; i < 1_000; i++) {
            ledger.apply(Movement.reserved("op-r" + i, key, 1, by("order")));
        }

        Document record = mongo.getCollection(StockDocuments.STOCK).find(Filters.eq("_id", key.id())).first();
        assertThat(record.get("pending", Document.class).size()).isLessThanOrEqualTo(CompletedMarkers.PER_UPDATE_MAX);
        assertThat(levels()).isEqualTo(StockLevels.of(5_000, 1_000));
    }

    @Test
    void a_batch_of_reservations_on_one_record_applies_in_one_update_with_an_entry_each() {
        ledger.apply(Movement.received("op-1", key, 100, by("admin")));
        List<Movement> batch = IntStream.range(0, 40).mapToObj(i -> reservation(i, 1)).toList();

        List<MovementResult> results = ledger.applyAllNew(batch);

        assertThat(results).hasSize(40).allMatch(MovementResult.Applied.class::isInstance);
        assertThat(results).extracting(result -> ((MovementResult.Applied) result).after().version())
                .as("one update for all forty").containsOnly(2L);
        assertThat(levels()).isEqualTo(StockLevels.of(100, 40));
        assertThat(ledger.history("WATCH-1", 100)).hasSize(41);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void reservations_that_do_not_fit_are_refused_in_arrival_order_while_the_rest_apply() {
        ledger.apply(Movement.received("op-1", key, 5, by("admin")));
        List<Movement> batch = List.of(reservation(0, 3), reservation(1, 3), reservation(2, 1), reservation(3, 2));

        List<MovementResult> results = ledger.applyAll(batch);

        assertThat(results).extracting(result -> result.getClass().getSimpleName())
                .containsExactly("Applied", "Refused", "Applied", "Refused");
        assertThat(((MovementResult.Refused) results.get(1)).refusal()).isEqualTo(Refusal.INSUFFICIENT_AVAILABLE);
        assertThat(levels()).isEqualTo(StockLevels.of(5, 4));
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void a_batch_applied_again_changes_nothing_and_reports_every_movement_as_applied_before() {
        ledger.apply(Movement.received("op-1", key, 10, by("admin")));
        List<Movement> batch = List.of(reservation(0, 2), reservation(1, 3));
        ledger.applyAll(batch);

        List<MovementResult> again = newLedger().applyAll(batch);

        assertThat(again).allMatch(MovementResult.AlreadyApplied.class::isInstance);
        assertThat(levels()).isEqualTo(StockLevels.of(10, 5));
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void a_batch_that_died_before_writing_its_ledger_entries_is_finished_by_its_redelivery() {
        ledger.apply(Movement.received("op-1", key, 10, by("admin")));
        List<Movement> batch = List.of(reservation(0, 2), reservation(1, 3), reservation(2, 1));
        ledger.applyAllNew(batch);
        // The process died right after the grouped update: no ledger entry made it, the markers did.
        mongo.getCollection(StockDocuments.LEDGER).deleteMany(Filters.regex("_id", "^order-"));

        List<MovementResult> redelivered = newLedger().applyAll(batch);

        assertThat(redelivered).allMatch(MovementResult.AlreadyApplied.class::isInstance);
        assertThat(levels()).isEqualTo(StockLevels.of(10, 6));
        assertThat(ledger.history("WATCH-1", 10)).hasSize(4);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void batches_racing_from_two_instances_never_take_more_than_a_record_holds() throws Exception {
        ledger.apply(Movement.received("op-1", key, 100, by("admin")));
        List<MongoStockLedger> instances = List.of(ledger, newLedger());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<MovementResult>>> batches = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            int first = b * 25;
            MongoStockLedger instance = instances.get(b % 2);
            batches.add(pool.submit(() -> instance.applyAllNew(IntStream.range(first, first + 25)
                    .mapToObj(i -> reservation(i, 1)).toList())));
        }
        long applied = 0;
        for (Future<List<MovementResult>> batch : batches) {
            applied += batch.get().stream().filter(MovementResult.Applied.class::isInstance).count();
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(100);
        assertThat(levels()).isEqualTo(StockLevels.of(100, 100));
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void markers_of_a_record_busy_with_batches_stay_about_one_batch() {
        ledger.apply(Movement.received("op-0", key, 100_000, by("admin")));
        for (int b = 0; b < 20; b++) {
            int first = b * 200;
            ledger.applyAllNew(IntStream.range(first, first + 200).mapToObj(i -> reservation(i, 1)).toList());
        }

        Document record = mongo.getCollection(StockDocuments.STOCK).find(Filters.eq("_id", key.id())).first();
        assertThat(record.get("pending", Document.class).size()).isLessThanOrEqualTo(200);
        assertThat(levels()).isEqualTo(StockLevels.of(100_000, 4_000));
    }

    private Movement reservation(int order, int quantity) {
        return Movement.reserved("order-" + order + ":line:0:reserve", key, quantity, by("order"));
    }

    @Test
    void the_audit_finds_a_level_that_was_changed_behind_the_ledgers_back() {
        ledger.apply(Movement.received("op-1", key, 10, by("admin")));
        StockKey other = new StockKey("WATCH-2", "BLR-1");
        ledger.apply(Movement.received("op-2", other, 4, by("admin")));
        assertThat(ledger.audit(10).isClean()).isTrue();

        mongo.getCollection(StockDocuments.STOCK).updateOne(Filters.eq("_id", key.id()),
                Updates.combine(Updates.inc("onHand", 5), Updates.inc("available", 5)));

        AuditReport report = ledger.audit(10);
        assertThat(report.recordsChecked()).isEqualTo(2);
        assertThat(report.driftCount()).isEqualTo(1);
        assertThat(report.drifts()).singleElement().satisfies(drift -> {
            assertThat(drift.sku()).isEqualTo("WATCH-1");
            assertThat(drift.storedOnHand()).isEqualTo(15);
            assertThat(drift.ledgerOnHand()).isEqualTo(10);
        });
    }

    @Test
    void only_an_empty_record_can_be_removed_and_removal_is_idempotent() {
        ledger.apply(Movement.received("op-1", key, 2, by("admin")));

        assertThat(ledger.removeRecord("rm-1", key, by("admin"))).isInstanceOfSatisfying(MovementResult.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.RECORD_NOT_EMPTY));
        ledger.apply(Movement.adjusted("op-2", key, -2, by("admin")));
        assertThat(ledger.removeRecord("rm-2", key, by("admin"))).isInstanceOf(MovementResult.Applied.class);
        assertThat(ledger.removeRecord("rm-2", key, by("admin"))).isInstanceOf(MovementResult.AlreadyApplied.class);

        assertThat(ledger.level(key)).isEmpty();
        assertThat(ledger.audit(10).isClean()).isTrue();
    }
}
