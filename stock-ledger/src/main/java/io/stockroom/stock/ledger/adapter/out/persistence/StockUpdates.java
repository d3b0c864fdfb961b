package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.stockroom.stock.ledger.domain.Movement;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.ToIntFunction;

import static io.stockroom.stock.ledger.adapter.out.persistence.StockDocuments.*;

/**
 * The filter and the update that apply movements of one stock record in one atomic operation. The filter carries
 * every precondition: no bucket below zero after the sum of the movements, the expected count of a compare-and-set
 * (only ever alone), and no marker yet for any of the operations. The update moves the buckets, bumps the version,
 * sets one marker per operation and removes markers whose ledger entries are written ("riders").
 */
final class StockUpdates {

    private StockUpdates() {
    }

    /** @param movements one or more movements of the same record */
    static Bson guard(List<Movement> movements) {
        Movement first = movements.getFirst();
        List<Bson> conditions = new ArrayList<>(movements.size() + 4);
        conditions.add(Filters.eq(ID, first.key().id()));
        movements.forEach(movement -> conditions.add(Filters.exists(markerField(movement.operationId()), false)));
        int onHand = sum(movements, Movement::onHandDelta);
        int reserved = sum(movements, Movement::reservedDelta);
        int available = sum(movements, Movement::availableDelta);
        if (onHand < 0) {
            conditions.add(Filters.gte(ON_HAND, -onHand));
        }
        if (reserved < 0) {
            conditions.add(Filters.gte(RESERVED, -reserved));
        }
        if (available < 0) {
            conditions.add(Filters.gte(AVAILABLE, -available));
        }
        if (first.expectedOnHand() != null) {
            conditions.add(Filters.eq(ON_HAND, first.expectedOnHand()));
        }
        return Filters.and(conditions);
    }

    /**
     * @param riders         marker fields to remove (their ledger entries are written)
     * @param thresholdIfNew the low-stock threshold of a record this update creates
     */
    static Bson change(List<Movement> movements, List<String> riders, Date now, int thresholdIfNew) {
        Movement first = movements.getFirst();
        List<Bson> updates = new ArrayList<>(10 + movements.size() + riders.size());
        updates.add(Updates.inc(ON_HAND, sum(movements, Movement::onHandDelta)));
        updates.add(Updates.inc(RESERVED, sum(movements, Movement::reservedDelta)));
        updates.add(Updates.inc(AVAILABLE, sum(movements, Movement::availableDelta)));
        updates.add(Updates.inc(VERSION, 1L));
        movements.forEach(movement -> updates.add(Updates.set(markerField(movement.operationId()),
                StockDocuments.marker(movement).append(MARKED_AT, now))));
        updates.add(Updates.set(UPDATED_AT, now));
        riders.forEach(rider -> updates.add(Updates.unset(rider)));
        if (createsRecord(movements)) {
            updates.add(Updates.setOnInsert(SKU, first.key().sku()));
            updates.add(Updates.setOnInsert(LOCATION, first.key().location()));
            updates.add(Updates.setOnInsert(THRESHOLD, thresholdIfNew));
            updates.add(Updates.setOnInsert(CREATED_AT, now));
        }
        return Updates.combine(updates);
    }

    /** True when applying to a missing record creates it; only movements that all may do so can create. */
    static boolean createsRecord(List<Movement> movements) {
        return movements.stream().allMatch(Movement::createsRecord);
    }

    /** Groups are bounded by the batch size and each delta by the quantity limit: an overflow is a bug. */
    private static int sum(List<Movement> movements, ToIntFunction<Movement> delta) {
        return Math.toIntExact(movements.stream().mapToLong(delta::applyAsInt).sum());
    }
}
