package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.AuditReport;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.Refusal;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import static io.stockroom.stock.ledger.adapter.out.persistence.StockDocuments.*;

/**
 * The MongoDB stock ledger. Applying a movement is one {@code findOneAndUpdate} on the record's {@code _id} whose
 * filter carries the preconditions (no bucket below zero, the expected count, the operation not yet applied) and
 * which sets a marker for the operation; then the ledger entry is inserted under the operation id; then the marker
 * is removed by a later update. A crash anywhere leaves either nothing, or the marker (which blocks a second apply
 * and holds the ledger entry until it is written), or both marker and entry. See ADR 0004.
 */
public final class MongoStockLedger implements StockLedger {

    /** Contention can make the read after a missed update disagree with it; this bounds re-tries of one apply. */
    private static final int ATTEMPTS_MAX = 5;
    private static final int DUPLICATE_KEY = 11000;
    /** Markers younger than this may belong to a writer that is about to write the ledger entry itself. */
    private static final java.time.Duration MARKER_AGE_MIN = java.time.Duration.ofSeconds(60);

    private final MongoCollection<Document> stock;
    private final MongoCollection<Document> ledger;
    private final ToIntFunction<String> defaultThresholdOfSku;
    private final Clock clock;
    private final CompletedMarkers completed = new CompletedMarkers();
    private final LedgerAudit audit;
    private final MongoStockQueries queries;
    private final GroupedApply grouped;

    /**
     * @param defaultThresholdOfSku the low-stock threshold a new record of a SKU starts with (the item's default)
     */
    public MongoStockLedger(MongoTemplate mongo, ToIntFunction<String> defaultThresholdOfSku, Clock clock) {
        this.stock = mongo.getCollection(STOCK);
        this.ledger = mongo.getCollection(LEDGER);
        this.defaultThresholdOfSku = defaultThresholdOfSku;
        this.clock = clock;
        this.audit = new LedgerAudit(stock, ledger);
        this.queries = new MongoStockQueries(mongo);
        this.grouped = new GroupedApply(stock, ledger, completed, defaultThresholdOfSku, clock);
        stock.createIndex(Indexes.ascending(SKU), new IndexOptions().name("stock_by_sku"));
        ledger.createIndex(Indexes.compoundIndex(Indexes.ascending(SKU), Indexes.descending(AT)),
                new IndexOptions().name("ledger_by_sku_time"));
        ledger.createIndex(Indexes.ascending(STOCK_ID), new IndexOptions().name("ledger_by_stock"));
    }

    @Override
    public MovementResult apply(Movement movement) {
        if (ledger.find(Filters.eq(ID, movement.operationId())).projection(Projections.include(ID)).first() != null) {
            return new MovementResult.AlreadyApplied(movement, level(movement.key()).orElse(null));
        }
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            Optional<MovementResult> result = attempt(movement);
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new IllegalStateException("stock record " + movement.key() + " kept changing while applying "
                + movement.operationId() + "; giving up after " + ATTEMPTS_MAX + " attempts");
    }

    /**
     * Movements of the same record share one guarded update (see {@link GroupedApply}); a compare-and-set is
     * applied on its own, since its expected count cannot be summed.
     */
    @Override
    public List<MovementResult> applyAll(List<Movement> movements) {
        return applyGrouped(movements, true);
    }

    @Override
    public List<MovementResult> applyAllNew(List<Movement> movements) {
        return applyGrouped(movements, false);
    }

    private List<MovementResult> applyGrouped(List<Movement> movements, boolean checkLedger) {
        if (movements.stream().map(Movement::operationId).distinct().count() != movements.size()) {
            throw new IllegalArgumentException("an operation id appears twice in one batch");
        }
        if (movements.isEmpty() || movements.stream().anyMatch(movement -> movement.expectedOnHand() != null)) {
            return movements.stream().map(this::apply).toList();
        }
        return grouped.apply(movements, checkLedger, this::apply);
    }

    /** One try: empty means the record changed between the update and the read that explains it. */
    private Optional<MovementResult> attempt(Movement movement) {
        String stockId = movement.key().id();
        String marker = markerField(movement.operationId());
        List<String> riders = new ArrayList<>(completed.drain(stockId));
        if (riders.remove(marker)) {
            // Only possible if this operation's ledger entry vanished after it completed; keep its marker.
            completed.add(stockId, marker);
        }
        Document after;
        try {
            after = stock.findOneAndUpdate(StockUpdates.guard(List.of(movement)),
                    StockUpdates.change(List.of(movement), riders, Date.from(clock.instant()),
                            movement.createsRecord() ? defaultThresholdOfSku.applyAsInt(movement.key().sku()) : 0),
                    new FindOneAndUpdateOptions().upsert(movement.createsRecord())
                            .returnDocument(ReturnDocument.AFTER).projection(Projections.exclude(PENDING)));
        } catch (MongoServerException e) {
            completed.restore(stockId, riders);
            if (e.getCode() == DUPLICATE_KEY) {
                // The upsert lost to an existing record whose filter did not match: explain it below.
                return explainMiss(movement, marker);
            }
            throw e;
        }
        if (after == null) {
            completed.restore(stockId, riders);
            return explainMiss(movement, marker);
        }
        writeLedger(movement);
        completed.add(stockId, marker);
        if (completed.isCrowded(stockId)) {
            removeCompletedMarkers(stockId);
        }
        return Optional.of(new MovementResult.Applied(movement, StockDocuments.level(after)));
    }

    private Optional<MovementResult> explainMiss(Movement movement, String marker) {
        Document current = stock.find(Filters.eq(ID, movement.key().id()))
                .projection(Projections.exclude(PENDING)).first();
        Document withMarker = current == null ? null : stock.find(Filters.and(Filters.eq(ID, movement.key().id()),
                Filters.exists(marker))).projection(Projections.include(ID)).first();
        StockLevel level = current == null ? null : StockDocuments.level(current);
        if (withMarker != null) {
            // Applied before, and the writer died before (or while) writing the ledger entry: finish its work.
            writeLedger(movement);
            completed.add(movement.key().id(), marker);
            return Optional.of(new MovementResult.AlreadyApplied(movement, level));
        }
        return movement.refusalAgainst(level)
                .map(refusal -> (MovementResult) new MovementResult.Refused(movement, refusal, level));
    }

    private void writeLedger(Movement movement) {
        insertLedgerEntry(LedgerEntry.of(movement));
    }

    private void insertLedgerEntry(LedgerEntry entry) {
        try {
            ledger.insertOne(StockDocuments.ledgerEntry(entry));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private void removeCompletedMarkers(String stockId) {
        List<String> markers = completed.drain(stockId);
        if (!markers.isEmpty()) {
            stock.updateOne(Filters.eq(ID, stockId), Updates.combine(markers.stream().map(Updates::unset).toList()));
        }
    }

    @Override
    public boolean isApplied(String operationId, StockKey key) {
        return ledger.find(Filters.eq(ID, operationId)).projection(Projections.include(ID)).first() != null
                || stock.find(Filters.and(Filters.eq(ID, key.id()), Filters.exists(markerField(operationId))))
                .projection(Projections.include(ID)).first() != null;
    }

    @Override
    public MovementResult removeRecord(String operationId, StockKey key, Provenance provenance) {
        Movement removal = new Movement(operationId, key, io.stockroom.contracts.stock.MovementKind.RECORD_REMOVED, 0,
                0, 0, false, provenance);
        if (ledger.find(Filters.eq(ID, operationId)).first() != null) {
            return new MovementResult.AlreadyApplied(removal, null);
        }
        Document current = stock.find(Filters.eq(ID, key.id())).first();
        if (current == null) {
            return new MovementResult.Refused(removal, Refusal.NO_STOCK_RECORD, null);
        }
        StockLevel level = StockDocuments.level(current);
        if (!level.isEmpty()) {
            return new MovementResult.Refused(removal, Refusal.RECORD_NOT_EMPTY, level);
        }
        // Entries still only in markers must reach the ledger before the record (and its markers) go.
        completeMarkers(current, Date.from(clock.instant()));
        long deleted = stock.deleteOne(Filters.and(Filters.eq(ID, key.id()), Filters.eq(VERSION, level.version()),
                Filters.eq(ON_HAND, 0), Filters.eq(RESERVED, 0))).getDeletedCount();
        if (deleted == 0) {
            return new MovementResult.Refused(removal, Refusal.RECORD_NOT_EMPTY, level(key).orElse(null));
        }
        completed.forget(key.id());
        insertLedgerEntry(LedgerEntry.of(removal));
        return new MovementResult.Applied(removal, level);
    }

    @Override
    public Optional<StockLevel> setLowStockThreshold(StockKey key, int threshold) {
        Document after = stock.findOneAndUpdate(Filters.eq(ID, key.id()),
                Updates.combine(Updates.set(THRESHOLD, threshold), Updates.inc(VERSION, 1L),
                        Updates.set(UPDATED_AT, Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.exclude(PENDING)));
        return Optional.ofNullable(after).map(StockDocuments::level);
    }

    @Override
    public Optional<StockLevel> level(StockKey key) {
        return queries.level(key);
    }

    @Override
    public List<StockLevel> levelsOf(String sku) {
        return queries.levelsOf(sku);
    }

    @Override
    public List<LedgerEntry> history(String sku, int limit) {
        return queries.history(sku, limit);
    }

    @Override
    public AuditReport audit(int driftsListedMax) {
        return audit.run(driftsListedMax);
    }

    @Override
    public int completePendingEntries() {
        Date markedBefore = Date.from(clock.instant().minus(MARKER_AGE_MIN));
        int completedEntries = 0;
        for (Document record : stock.find(Filters.and(Filters.exists(PENDING), Filters.ne(PENDING, new Document())))
                .projection(Projections.include(ID, PENDING))) {
            completedEntries += completeMarkers(record, markedBefore);
        }
        return completedEntries;
    }

    /**
     * Writes the ledger entry of every marker on the record set before {@code markedBefore}, then removes those
     * markers. Young markers belong to writers still at work and are left to them.
     */
    private int completeMarkers(Document record, Date markedBefore) {
        Document pending = record.get(PENDING, Document.class);
        if (pending == null || pending.isEmpty()) {
            return 0;
        }
        StockKey key = StockKey.parse(record.getString(ID));
        List<String> fields = new ArrayList<>(pending.size());
        pending.forEach((field, value) -> {
            Document marker = (Document) value;
            if (!marker.getDate(MARKED_AT).after(markedBefore)) {
                insertLedgerEntry(StockDocuments.entry(marker, key, marker.getString(OPERATION_ID)));
                fields.add(PENDING + "." + field);
            }
        });
        if (!fields.isEmpty()) {
            stock.updateOne(Filters.eq(ID, key.id()), Updates.combine(fields.stream().map(Updates::unset).toList()));
        }
        return fields.size();
    }
}
