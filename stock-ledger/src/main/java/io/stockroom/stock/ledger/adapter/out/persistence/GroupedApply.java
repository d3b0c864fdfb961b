package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import org.bson.Document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import static io.stockroom.stock.ledger.adapter.out.persistence.StockDocuments.*;

/**
 * Applies many movements with one guarded update per stock record: every movement of a record that fits, in the
 * order given, goes into a single {@code findOneAndUpdate} whose filter checks the sum against the buckets and that
 * none of the operations is marked yet. When the sum does not fit, the record is read once and the movements that
 * fit in order are tried again; the others are refused with the level that refused them. Ledger entries are then
 * written with one unordered bulk insert. Markers and the ledger make every operation apply at most once, exactly as
 * a single apply does (ADR 0004), so a crash anywhere in a batch is finished by its redelivery.
 */
final class GroupedApply {

    /** A competitor changing the record between our read and our update costs one more try; this bounds them. */
    private static final int ATTEMPTS_MAX = 5;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> stock;
    private final MongoCollection<Document> ledger;
    private final CompletedMarkers completed;
    private final ToIntFunction<String> defaultThresholdOfSku;
    private final Clock clock;

    GroupedApply(MongoCollection<Document> stock, MongoCollection<Document> ledger, CompletedMarkers completed,
                 ToIntFunction<String> defaultThresholdOfSku, Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.completed = completed;
        this.defaultThresholdOfSku = defaultThresholdOfSku;
        this.clock = clock;
    }

    /**
     * @param movements   movements without an expected count, any number per record, at most once per operation id
     * @param checkLedger look the operations up in the ledger first (false only for operations never attempted)
     * @param single      applies one movement on its own: the fallback for a record that keeps changing
     * @return one result per movement, in the same order
     */
    List<MovementResult> apply(List<Movement> movements, boolean checkLedger,
                               Function<Movement, MovementResult> single) {
        Map<Movement, MovementResult> results = new IdentityHashMap<>();
        Set<String> inLedger = checkLedger ? alreadyInLedger(movements) : Set.of();
        Map<String, List<Movement>> byRecord = new LinkedHashMap<>();
        for (Movement movement : movements) {
            if (inLedger.contains(movement.operationId())) {
                results.put(movement, new MovementResult.AlreadyApplied(movement, null));
            } else {
                byRecord.computeIfAbsent(movement.key().id(), id -> new ArrayList<>()).add(movement);
            }
        }
        List<Movement> toLedger = new ArrayList<>();
        byRecord.values().forEach(group -> runs(group).forEach(run -> applyGroup(run, results, toLedger, single)));
        writeLedger(toLedger);
        toLedger.forEach(movement -> completed.add(movement.key().id(), markerField(movement.operationId())));
        fillCurrentLevels(results);
        return movements.stream().map(results::get).toList();
    }

    private Set<String> alreadyInLedger(List<Movement> movements) {
        Set<String> found = new HashSet<>();
        ledger.find(Filters.in(ID, movements.stream().map(Movement::operationId).toList()))
                .projection(Projections.include(ID)).forEach(entry -> found.add(entry.getString(ID)));
        return found;
    }

    /**
     * Splits a record's movements, in order, into runs that move every bucket the same way and all create the
     * record or all do not. Within such a run a sum that keeps every bucket at or above zero keeps every step of
     * it there too, so one guarded update decides exactly as one movement at a time would; a receipt followed by
     * a decrease, or an increase that would hide a decrease's shortfall, land in runs of their own.
     */
    private static List<List<Movement>> runs(List<Movement> movements) {
        List<List<Movement>> runs = new ArrayList<>();
        List<Movement> run = new ArrayList<>();
        for (Movement movement : movements) {
            if (!run.isEmpty() && !sameDirection(run.getLast(), movement)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(movement);
        }
        runs.add(run);
        return runs;
    }

    private static boolean sameDirection(Movement a, Movement b) {
        return Integer.signum(a.onHandDelta()) == Integer.signum(b.onHandDelta())
                && Integer.signum(a.reservedDelta()) == Integer.signum(b.reservedDelta())
                && Integer.signum(a.availableDelta()) == Integer.signum(b.availableDelta())
                && a.createsRecord() == b.createsRecord();
    }

    private void applyGroup(List<Movement> group, Map<Movement, MovementResult> results, List<Movement> toLedger,
                            Function<Movement, MovementResult> single) {
        List<Movement> pending = group;
        for (int attempt = 0; attempt < ATTEMPTS_MAX && !pending.isEmpty(); attempt++) {
            Optional<StockLevel> after = update(pending);
            if (after.isPresent()) {
                pending.forEach(movement -> results.put(movement, new MovementResult.Applied(movement, after.get())));
                toLedger.addAll(pending);
                return;
            }
            pending = fitting(pending, results, toLedger);
        }
        // The record kept changing under us: finish one movement at a time, which retries on its own terms.
        pending.forEach(movement -> results.put(movement, single.apply(movement)));
    }

    /** One guarded update for all of {@code movements}; empty when the filter did not match. */
    private Optional<StockLevel> update(List<Movement> movements) {
        Movement first = movements.getFirst();
        String stockId = first.key().id();
        List<String> riders = new ArrayList<>(completed.drain(stockId, CompletedMarkers.PER_GROUP_UPDATE_MAX));
        for (Movement movement : movements) {
            if (riders.remove(markerField(movement.operationId()))) {
                // Only if this operation's ledger entry vanished after it completed: keep its marker.
                completed.add(stockId, markerField(movement.operationId()));
            }
        }
        boolean creates = StockUpdates.createsRecord(movements);
        try {
            Document after = stock.findOneAndUpdate(StockUpdates.guard(movements),
                    StockUpdates.change(movements, riders, Date.from(clock.instant()),
                            creates ? defaultThresholdOfSku.applyAsInt(first.key().sku()) : 0),
                    new FindOneAndUpdateOptions().upsert(creates).returnDocument(ReturnDocument.AFTER)
                            .projection(Projections.exclude(PENDING)));
            if (after == null) {
                completed.restore(stockId, riders);
            }
            return Optional.ofNullable(after).map(StockDocuments::level);
        } catch (MongoServerException e) {
            completed.restore(stockId, riders);
            if (e.getCode() == DUPLICATE_KEY) {
                // An upsert lost to an existing record whose filter did not match: explained by the caller's read.
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads the record the update missed and sorts the movements: those already marked on it were applied before
     * (their ledger entries may still be owed), those that fit in order are returned to be tried again, the rest
     * are refused with the level as read.
     */
    private List<Movement> fitting(List<Movement> movements, Map<Movement, MovementResult> results,
                                   List<Movement> toLedger) {
        Document current = stock.find(Filters.eq(ID, movements.getFirst().key().id())).first();
        StockLevel level = current == null ? null : StockDocuments.level(current);
        Document markers = current == null ? null : current.get(PENDING, Document.class);
        StockLevel simulated = level;
        List<Movement> fit = new ArrayList<>(movements.size());
        for (Movement movement : movements) {
            if (markers != null && markers.containsKey(markerName(movement.operationId()))) {
                results.put(movement, new MovementResult.AlreadyApplied(movement, level));
                toLedger.add(movement);
                continue;
            }
            var refusal = movement.refusalAgainst(simulated);
            if (refusal.isPresent()) {
                results.put(movement, new MovementResult.Refused(movement, refusal.get(), level));
            } else {
                fit.add(movement);
                simulated = (simulated == null ? StockLevel.empty(movement.key()) : simulated).after(movement);
            }
        }
        return fit;
    }

    /** One unordered bulk insert; an entry that is already there (a redelivery finishing a crashed batch) is fine. */
    private void writeLedger(List<Movement> applied) {
        if (applied.isEmpty()) {
            return;
        }
        List<Document> entries = applied.stream().map(movement -> StockDocuments.ledgerEntry(LedgerEntry.of(movement)))
                .toList();
        try {
            ledger.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /** Duplicates found in the ledger up front carry the record's current level, read once per record. */
    private void fillCurrentLevels(Map<Movement, MovementResult> results) {
        Map<String, Optional<StockLevel>> levels = new LinkedHashMap<>();
        results.replaceAll((movement, result) -> {
            if (result instanceof MovementResult.AlreadyApplied duplicate && duplicate.current() == null) {
                Optional<StockLevel> level = levels.computeIfAbsent(movement.key().id(), id -> current(movement.key()));
                return new MovementResult.AlreadyApplied(movement, level.orElse(null));
            }
            return result;
        });
    }

    private Optional<StockLevel> current(StockKey key) {
        return Optional.ofNullable(stock.find(Filters.eq(ID, key.id())).projection(Projections.exclude(PENDING))
                .first()).map(StockDocuments::level);
    }
}
