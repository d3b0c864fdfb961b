package io.stockroom.stock.ledger.adapter.out.persistence;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pending markers whose ledger entries are written, per stock record, waiting to be removed by the next update of
 * that record (so cleaning up costs no extra write). Lost on restart; the janitor removes what is left.
 */
final class CompletedMarkers {

    /** At most this many markers ride along with one single-movement update, keeping every update small. */
    static final int PER_UPDATE_MAX = 64;
    /**
     * A grouped update sets one marker per movement, up to a batch; it removes up to this many, so that markers
     * of a busy record stay about one batch's worth.
     */
    static final int PER_GROUP_UPDATE_MAX = 1_024;
    /** A record with more completed markers than this gets an update of its own to remove them. */
    static final int PER_RECORD_MAX = 512;

    private final Map<String, Set<String>> byStockId = new ConcurrentHashMap<>();

    void add(String stockId, String markerField) {
        byStockId.computeIfAbsent(stockId, id -> ConcurrentHashMap.newKeySet()).add(markerField);
    }

    List<String> drain(String stockId) {
        return drain(stockId, PER_UPDATE_MAX);
    }

    /** Takes up to {@code max} completed markers of the record, to be removed by the caller's next update. */
    List<String> drain(String stockId, int max) {
        Set<String> markers = byStockId.get(stockId);
        if (markers == null || markers.isEmpty()) {
            return List.of();
        }
        List<String> drained = new ArrayList<>(Math.min(markers.size(), max));
        Iterator<String> iterator = markers.iterator();
        while (iterator.hasNext() && drained.size() < max) {
            String marker = iterator.next();
            if (markers.remove(marker)) {
                drained.add(marker);
            }
        }
        return drained;
    }

    void restore(String stockId, List<String> markers) {
        markers.forEach(marker -> add(stockId, marker));
    }

    boolean isCrowded(String stockId) {
        Set<String> markers = byStockId.get(stockId);
        return markers != null && markers.size() > PER_RECORD_MAX;
    }

    void forget(String stockId) {
        byStockId.remove(stockId);
    }
}
