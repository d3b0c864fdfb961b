package io.stockroom.stock.ledger.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.stockroom.contracts.stock.StockDrift;
import io.stockroom.stock.ledger.domain.AuditReport;
import io.stockroom.stock.ledger.domain.StockKey;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.stockroom.stock.ledger.adapter.out.persistence.StockDocuments.*;

/**
 * Checks invariants 1 and 2 over all stock: every record's buckets are non-negative and consistent, and equal the
 * sum of its ledger entries plus the movements still held only in markers (applied, entry not yet written).
 */
final class LedgerAudit {

    private static final int RECHECKS_MAX = 3;

    private final MongoCollection<Document> stock;
    private final MongoCollection<Document> ledger;

    LedgerAudit(MongoCollection<Document> stock, MongoCollection<Document> ledger) {
        this.stock = stock;
        this.ledger = ledger;
    }

    private record Sums(long onHand, long reserved) {

        Sums plus(long onHandDelta, long reservedDelta) {
            return new Sums(onHand + onHandDelta, reserved + reservedDelta);
        }
    }

    AuditReport run(int driftsListedMax) {
        Map<String, Sums> ledgerSums = ledgerSums();
        Set<String> seen = new HashSet<>();
        List<StockDrift> drifts = new ArrayList<>();
        int driftCount = 0;
        int violations = 0;
        int checked = 0;
        for (Document record : stock.find()) {
            checked++;
            String id = record.getString(ID);
            seen.add(id);
            long onHand = record.get(ON_HAND, Number.class).longValue();
            long reserved = record.get(RESERVED, Number.class).longValue();
            long available = record.get(AVAILABLE, Number.class).longValue();
            if (onHand < 0 || reserved < 0 || available < 0 || available != onHand - reserved) {
                violations++;
            }
            Sums expected = withUnwrittenMarkers(ledgerSums.getOrDefault(id, new Sums(0, 0)), record);
            if ((expected.onHand() != onHand || expected.reserved() != reserved) && stillDrifts(id)) {
                driftCount++;
                if (drifts.size() < driftsListedMax) {
                    StockKey key = StockKey.parse(id);
                    drifts.add(new StockDrift(key.sku(), key.location(), (int) onHand, (int) reserved,
                            expected.onHand(), expected.reserved()));
                }
            }
        }
        for (Map.Entry<String, Sums> orphan : ledgerSums.entrySet()) {
            Sums sums = orphan.getValue();
            if (!seen.contains(orphan.getKey()) && (sums.onHand() != 0 || sums.reserved() != 0)) {
                driftCount++;
                if (drifts.size() < driftsListedMax) {
                    StockKey key = StockKey.parse(orphan.getKey());
                    drifts.add(new StockDrift(key.sku(), key.location(), 0, 0, sums.onHand(), sums.reserved()));
                }
            }
        }
        return new AuditReport(checked, drifts, driftCount, violations);
    }

    /**
     * The ledger sums are read before the records, so a movement applied in between looks like drift. Re-reading one
     * record and its ledger a few times tells a real drift (stable) from a moving target.
     */
    private boolean stillDrifts(String stockId) {
        for (int attempt = 0; attempt < RECHECKS_MAX; attempt++) {
            Map<String, Sums> sums = new HashMap<>();
            ledger.aggregate(List.of(Aggregates.match(Filters.eq(STOCK_ID, stockId)), groupByStock()))
                    .forEach(group -> sums.put(group.getString(ID), sumsOf(group)));
            Document record = stock.find(Filters.eq(ID, stockId)).first();
            if (record == null) {
                return false;
            }
            Sums expected = withUnwrittenMarkers(sums.getOrDefault(stockId, new Sums(0, 0)), record);
            if (expected.onHand() == record.get(ON_HAND, Number.class).longValue()
                    && expected.reserved() == record.get(RESERVED, Number.class).longValue()) {
                return false;
            }
        }
        return true;
    }

    private static Bson groupByStock() {
        return Aggregates.group("$" + STOCK_ID, Accumulators.sum(ON_HAND, "$" + ON_HAND_DELTA),
                Accumulators.sum(RESERVED, "$" + RESERVED_DELTA));
    }

    private static Sums sumsOf(Document group) {
        return new Sums(group.get(ON_HAND, Number.class).longValue(), group.get(RESERVED, Number.class).longValue());
    }

    private Map<String, Sums> ledgerSums() {
        Map<String, Sums> sums = new HashMap<>();
        ledger.aggregate(List.of(groupByStock())).forEach(group -> sums.put(group.getString(ID), sumsOf(group)));
        return sums;
    }

    private Sums withUnwrittenMarkers(Sums fromLedger, Document record) {
        Document pending = record.get(PENDING, Document.class);
        if (pending == null || pending.isEmpty()) {
            return fromLedger;
        }
        Sums sums = fromLedger;
        for (Object value : pending.values()) {
            Document marker = (Document) value;
            boolean written = ledger.find(Filters.eq(ID, marker.getString(OPERATION_ID)))
                    .projection(Projections.include(ID)).first() != null;
            if (!written) {
                sums = sums.plus(marker.get(ON_HAND_DELTA, Number.class).longValue(),
                        marker.get(RESERVED_DELTA, Number.class).longValue());
            }
        }
        return sums;
    }
}
