package io.stockroom.stock.ledger.application;

import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockAlert;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockEvent;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockAlerts;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a movement result publishes: the record's new levels, and any boundary it crossed. A duplicate
 * (already applied) republishes the current levels, so a read side that missed the first event still converges.
 */
public final class StockEvents {

    private StockEvents() {
    }

    public static List<StockEvent> of(MovementResult result, Instant at) {
        return switch (result) {
            case MovementResult.Applied applied when applied.movement().kind() == MovementKind.RECORD_REMOVED ->
                    List.of(new StockRecordRemoved(applied.after().key().sku(), applied.after().key().location(),
                            applied.after().version() + 1, at));
            case MovementResult.Applied applied -> appliedEvents(applied, at);
            case MovementResult.AlreadyApplied duplicate when duplicate.current() != null ->
                    List.of(changed(duplicate.current(), duplicate.movement().operationId(),
                            duplicate.movement().kind(), at));
            case MovementResult.AlreadyApplied ignored -> List.of();
            case MovementResult.Refused ignored -> List.of();
        };
    }

    /**
     * The events of many results at once: one {@link StockChanged} per record with its newest level (a read side
     * keeps the newest version anyway), and the boundaries crossed between the record's level before the first and
     * after the last movement. This is what a batch publishes instead of one event per movement.
     */
    public static List<StockEvent> ofAll(List<MovementResult> results, Instant at) {
        Map<StockKey, List<MovementResult>> byRecord = new LinkedHashMap<>();
        results.forEach(result -> byRecord.computeIfAbsent(result.movement().key(), key -> new ArrayList<>())
                .add(result));
        List<StockEvent> events = new ArrayList<>();
        byRecord.values().forEach(group -> events.addAll(ofRecord(group, at)));
        return events;
    }

    private static List<StockEvent> ofRecord(List<MovementResult> group, Instant at) {
        StockLevel newest = null;
        MovementResult latest = null;
        int availableChange = 0;
        for (MovementResult result : group) {
            StockLevel level = switch (result) {
                case MovementResult.Applied applied -> applied.after();
                case MovementResult.AlreadyApplied duplicate -> duplicate.current();
                case MovementResult.Refused ignored -> null;
            };
            if (result instanceof MovementResult.Applied applied) {
                availableChange += applied.movement().availableDelta();
            }
            if (level != null && (newest == null || level.version() > newest.version())) {
                newest = level;
                latest = result;
            }
        }
        if (newest == null) {
            return List.of();
        }
        if (group.size() == 1) {
            return of(latest, at);
        }
        List<StockEvent> events = new ArrayList<>(3);
        events.add(changed(newest, latest.movement().operationId(), latest.movement().kind(), at));
        for (StockAlert.Kind kind : StockAlerts.crossed(newest.available() - availableChange, newest)) {
            events.add(new StockAlert(kind, newest.key().sku(), newest.key().location(), newest.available(),
                    newest.lowStockThreshold(), newest.version(), at));
        }
        return events;
    }

    public static StockChanged changed(StockLevel level, String operationId, MovementKind kind, Instant at) {
        return new StockChanged(level.key().sku(), level.key().location(), level.levels(), level.lowStockThreshold(),
                level.version(), operationId, kind, at);
    }

    private static List<StockEvent> appliedEvents(MovementResult.Applied applied, Instant at) {
        StockLevel after = applied.after();
        List<StockEvent> events = new ArrayList<>(3);
        events.add(changed(after, applied.movement().operationId(), applied.movement().kind(), at));
        int availableBefore = after.available() - applied.movement().availableDelta();
        for (StockAlert.Kind kind : StockAlerts.crossed(availableBefore, after)) {
            events.add(new StockAlert(kind, after.key().sku(), after.key().location(), after.available(),
                    after.lowStockThreshold(), after.version(), at));
        }
        return events;
    }
}
