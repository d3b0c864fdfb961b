package io.stockroom.stock.ledger.application;

import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockAlert;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockAlerts;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a movement result publishes: the record's new levels, and any boundary it crossed. A duplicate
 * (already applied) republishes the current levels, so a read side that missed the first event still converges.
 */
public final class StockEvents {

    private StockEvents() {
    }

    public static List<Record> of(MovementResult result, Instant at) {
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

    public static StockChanged changed(StockLevel level, String operationId, MovementKind kind, Instant at) {
        return new StockChanged(level.key().sku(), level.key().location(), level.levels(), level.lowStockThreshold(),
                level.version(), operationId, kind, at);
    }

    private static List<Record> appliedEvents(MovementResult.Applied applied, Instant at) {
        StockLevel after = applied.after();
        List<Record> events = new ArrayList<>(3);
        events.add(changed(after, applied.movement().operationId(), applied.movement().kind(), at));
        int availableBefore = after.available() - applied.movement().availableDelta();
        for (StockAlert.Kind kind : StockAlerts.crossed(availableBefore, after)) {
            events.add(new StockAlert(kind, after.key().sku(), after.key().location(), after.available(),
                    after.lowStockThreshold(), after.version(), at));
        }
        return events;
    }
}
