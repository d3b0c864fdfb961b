package io.stockroom.bench.load;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every order of one benchmark run by id, fed from two sides: the generator's HTTP answers and the shoppers' live
 * streams. An event for an id the generator has not recorded yet is kept on the same entry and matched when the
 * answer arrives; an event for an order this run never placed stays unmatched and is reported.
 */
public final class OrderRegistry {

    private final ConcurrentMap<String, TrackedOrder> orders = new ConcurrentHashMap<>();

    /** Records that {@code orderId} was accepted; {@code onSettled} runs once its terminal status is seen. */
    public TrackedOrder accepted(String orderId, String workload, int shopper, int units, long intendedNanos,
                                 long sentNanos, long acceptedNanos, Runnable onSettled) {
        TrackedOrder order = orders.computeIfAbsent(orderId, TrackedOrder::new);
        order.accepted(workload, shopper, units, intendedNanos, sentNanos, acceptedNanos, onSettled);
        return order;
    }

    /** Records a terminal status event (CONFIRMED, REJECTED, ...) seen on a live stream at {@code nanos}. */
    public void terminal(String orderId, String status, long nanos) {
        orders.computeIfAbsent(orderId, TrackedOrder::new).terminal(status, nanos);
    }

    /** The accepted orders of one workload. */
    public List<TrackedOrder> of(String workload) {
        return orders.values().stream().filter(o -> o.isAccepted() && workload.equals(o.workload())).toList();
    }

    /** Orders whose terminal status arrived but which this run never saw accepted (it should be none). */
    public List<TrackedOrder> unmatched() {
        return orders.values().stream().filter(o -> !o.isAccepted()).toList();
    }

    /** Accepted orders of {@code workload} not settled yet. */
    public long unsettled(String workload) {
        return orders.values().stream()
                .filter(o -> o.isAccepted() && workload.equals(o.workload()) && !o.isSettled()).count();
    }
}
