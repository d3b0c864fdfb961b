package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@link MongoStockLedger} on the in-process MongoDB-wire store, under random sequences of movements on a
 * few records, some of them redelivered (the same operation id again). A plain model of the rules (written here, not
 * taken from the domain) predicts each outcome; after every step the stored levels must equal the model's and keep
 * on hand = available + reserved with no bucket below zero, and at the end the ledger must account for every level.
 */
class MongoStockLedgerPropertiesIT {

    private static final List<StockKey> KEYS = List.of(new StockKey("PROP-A", "WH1"), new StockKey("PROP-A", "WH2"),
            new StockKey("PROP-B", "WH1"));
    private static MongoServer server;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock();

    @BeforeContainer
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterContainer
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    enum Kind { RECEIVE, ADJUST, COUNT, TRANSFER_OUT, TRANSFER_IN, RESERVE, RELEASE, FULFIL }

    /**
     * One step: a new movement, or (when {@code replayOf} is set) the movement of an earlier step delivered again.
     *
     * @param expectedMatches for a count: whether the caller saw the true on-hand count
     */
    record Step(Kind kind, int key, int quantity, boolean expectedMatches, Integer replayOf) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> fresh = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 12), Arbitraries.of(true, true, false))
                .as((kind, key, quantity, matches) -> new Step(kind, key, quantity, matches, null));
        Arbitrary<Step> replay = Arbitraries.integers().between(0, 40)
                .map(earlier -> new Step(Kind.RECEIVE, 0, 1, true, earlier));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, fresh), net.jqwik.api.Tuple.of(1, replay))
                .list().ofMinSize(5).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 30)
    void levels_match_the_rules_and_stay_consistent_under_any_movements_and_redeliveries(
            @ForAll("steps") List<Step> steps) {
        MongoStockLedger ledger = freshLedger();
        Model model = new Model();
        List<Movement> sent = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Movement movement = step.replayOf() != null && !sent.isEmpty()
                    ? sent.get(step.replayOf() % sent.size()) : movement(step, "op-" + i, model);
            sent.add(movement);
            boolean applies = model.wouldApply(movement);
            boolean repeated = model.applied.contains(movement.operationId());

            MovementResult result = ledger.apply(movement);
            Statistics.label("outcome").collect(result.getClass().getSimpleName());

            if (repeated) {
                assertThat(result).as("step %d: %s again", i, movement.operationId())
                        .isInstanceOf(MovementResult.AlreadyApplied.class);
            } else if (applies) {
                assertThat(result).as("step %d: %s", i, movement).isInstanceOf(MovementResult.Applied.class);
                model.apply(movement);
            } else {
                assertThat(result).as("step %d: %s", i, movement).isInstanceOf(MovementResult.Refused.class);
            }
            assertStoredLevelsEqual(ledger, model);
        }
        assertThat(ledger.audit(10).isClean()).as("every level equals the sum of its ledger").isTrue();
        // Not vacuous: across the tries, movements apply, are refused, and are recognised as redelivered.
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("Applied").percentage(percent -> percent > 20);
            coverage.check("Refused").percentage(percent -> percent > 5);
            coverage.check("AlreadyApplied").count(count -> count > 0);
        });
    }

    /**
     * The batch path (several movements of a record in fewer updates) must decide exactly as one by one would. It
     * once did not: a receipt creating a record and a decrease of it in one batch were summed into one update that
     * the missing record refused (shrunk: receive 1 four times, then adjust -1); a decrease followed by a larger
     * receipt would have passed a sum check that the decrease alone fails.
     */
    @Property(tries = 20)
    void applying_in_batches_gives_exactly_what_the_rules_give_one_by_one(@ForAll("steps") List<Step> steps,
                                                                          @ForAll @IntRange(min = 2, max = 12) int batch) {
        MongoStockLedger ledger = freshLedger();
        Model model = new Model();
        List<Movement> sent = new ArrayList<>();
        List<Class<?>> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Movement movement = step.replayOf() != null && !sent.isEmpty()
                    ? sent.get(step.replayOf() % sent.size()) : movement(step, "op-" + i, model);
            sent.add(movement);
            if (model.applied.contains(movement.operationId())) {
                expected.add(MovementResult.AlreadyApplied.class);
            } else if (model.wouldApply(movement)) {
                expected.add(MovementResult.Applied.class);
                model.apply(movement);
            } else {
                expected.add(MovementResult.Refused.class);
            }
        }

        List<MovementResult> results = new ArrayList<>();
        List<Movement> chunk = new ArrayList<>();
        Set<String> inChunk = new HashSet<>();
        for (Movement movement : sent) {
            // applyAll takes distinct operation ids (its contract): a redelivery goes into the next batch.
            if (chunk.size() == batch || !inChunk.add(movement.operationId())) {
                results.addAll(ledger.applyAll(chunk));
                chunk = new ArrayList<>();
                inChunk = new HashSet<>(Set.of(movement.operationId()));
            }
            chunk.add(movement);
        }
        results.addAll(ledger.applyAll(chunk));

        assertThat(results).hasSameSizeAs(sent);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).as("movement %d: %s", i, sent.get(i)).isInstanceOf(expected.get(i));
        }
        assertStoredLevelsEqual(ledger, model);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Property(tries = 20)
    void replaying_every_applied_movement_in_any_order_changes_nothing(@ForAll("steps") List<Step> steps,
                                                                       @ForAll Random random) {
        MongoStockLedger ledger = freshLedger();
        Model model = new Model();
        List<Movement> applied = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Movement movement = movement(steps.get(i), "op-" + i, model);
            if (ledger.apply(movement) instanceof MovementResult.Applied) {
                model.apply(movement);
                applied.add(movement);
            }
        }
        Map<StockKey, StockLevel> before = stored(ledger);
        int entriesBefore = ledger.history("PROP-A", 1_000).size() + ledger.history("PROP-B", 1_000).size();
        Collections.shuffle(applied, random);

        for (Movement movement : applied) {
            assertThat(ledger.apply(movement)).isInstanceOf(MovementResult.AlreadyApplied.class);
        }

        assertThat(stored(ledger)).as("levels and versions").isEqualTo(before);
        assertThat(ledger.history("PROP-A", 1_000).size() + ledger.history("PROP-B", 1_000).size())
                .as("ledger entries").isEqualTo(entriesBefore);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    /** The rules of a stock record, independent of the code under test. */
    private static final class Model {
        final Map<StockKey, int[]> levels = new HashMap<>();
        final Set<String> applied = new HashSet<>();

        boolean wouldApply(Movement movement) {
            int[] current = levels.get(movement.key());
            if (current == null) {
                return movement.createsRecord() && movement.onHandDelta() >= 0 && movement.reservedDelta() == 0
                        && movement.expectedOnHand() == null;
            }
            if (movement.expectedOnHand() != null && current[0] != movement.expectedOnHand()) {
                return false;
            }
            int onHand = current[0] + movement.onHandDelta();
            int reserved = current[1] + movement.reservedDelta();
            return onHand >= 0 && reserved >= 0 && onHand - reserved >= 0;
        }

        void apply(Movement movement) {
            int[] current = levels.computeIfAbsent(movement.key(), key -> new int[2]);
            current[0] += movement.onHandDelta();
            current[1] += movement.reservedDelta();
            applied.add(movement.operationId());
        }

        int onHand(StockKey key) {
            int[] current = levels.get(key);
            return current == null ? 0 : current[0];
        }
    }

    private Movement movement(Step step, String operationId, Model model) {
        StockKey key = KEYS.get(step.key());
        Provenance by = new Provenance("prop-test", "corr-" + operationId, null, clock.instant());
        int quantity = step.quantity();
        return switch (step.kind()) {
            case RECEIVE -> Movement.received(operationId, key, quantity, by);
            case ADJUST -> Movement.adjusted(operationId, key, quantity % 2 == 0 ? quantity / 2 : -quantity, by);
            case COUNT -> {
                int seen = step.expectedMatches() ? model.onHand(key) : model.onHand(key) + 1;
                yield Movement.countSet(operationId, key, seen, seen == quantity ? quantity + 1 : quantity, by);
            }
            case TRANSFER_OUT -> Movement.transferredOut(operationId, key, quantity, by);
            case TRANSFER_IN -> Movement.transferredIn(operationId, key, quantity, by);
            case RESERVE -> Movement.reserved(operationId, key, quantity, by);
            case RELEASE -> Movement.released(operationId, key, quantity, by);
            case FULFIL -> Movement.fulfilled(operationId, key, quantity, by);
        };
    }

    private static void assertStoredLevelsEqual(MongoStockLedger ledger, Model model) {
        for (StockKey key : KEYS) {
            int[] expected = model.levels.get(key);
            StockLevels stored = ledger.level(key).map(StockLevel::levels).orElse(null);
            if (expected == null) {
                assertThat(stored).as("%s has no record", key).isNull();
                continue;
            }
            assertThat(stored).as("%s exists", key).isNotNull();
            assertThat(stored.onHand()).as("%s on hand", key).isEqualTo(expected[0]).isNotNegative();
            assertThat(stored.reserved()).as("%s reserved", key).isEqualTo(expected[1]).isNotNegative();
            assertThat(stored.available()).as("%s available", key).isEqualTo(stored.onHand() - stored.reserved())
                    .isNotNegative();
        }
    }

    private static Map<StockKey, StockLevel> stored(MongoStockLedger ledger) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        KEYS.forEach(key -> ledger.level(key).ifPresent(level -> levels.put(key, level)));
        return levels;
    }

    private MongoStockLedger freshLedger() {
        MongoTemplate mongo = new MongoTemplate(client, "props_" + UUID.randomUUID().toString().replace("-", ""));
        return new MongoStockLedger(mongo, sku -> 3, clock);
    }
}
