package io.stockroom.bench.load;

import java.util.List;

/**
 * What one workload achieved, from the orders as the shoppers saw them. Rates count events inside the measured window
 * only (warm-up excluded); latencies are of orders accepted inside the window; totals cover every order of the
 * workload, warm-up and drain included.
 *
 * @param acceptedInWindow   HTTP 2xx answers to POST /api/orders inside the window
 * @param settledInWindow    terminal statuses seen on the live streams inside the window
 * @param windowSeconds      length of the measured window
 * @param acceptedTotal      every accepted order of the workload
 * @param confirmedTotal     accepted orders whose stream said CONFIRMED
 * @param rejectedTotal      accepted orders whose stream said REJECTED
 * @param unsettledTotal     accepted orders with no terminal status on the stream (after the drain)
 * @param confirmedUnits     units of the confirmed orders
 * @param orderedUnits       units of all accepted orders
 * @param acceptedToSettled  accepted (HTTP answer read) to terminal status seen, per order
 * @param sentToAccepted     the POST's own latency
 * @param intendedToAccepted open loop: from the slot's intended send time to the answer
 * @param intendedToSettled  open loop: from the slot's intended send time to the terminal status
 */
public record WorkloadFigures(long acceptedInWindow, long settledInWindow, double windowSeconds, long acceptedTotal,
                              long confirmedTotal, long rejectedTotal, long unsettledTotal, long confirmedUnits,
                              long orderedUnits, Latency acceptedToSettled, Latency sentToAccepted,
                              Latency intendedToAccepted, Latency intendedToSettled) {

    public double acceptedPerSecond() {
        return windowSeconds > 0 ? acceptedInWindow / windowSeconds : Double.NaN;
    }

    public double settledPerSecond() {
        return windowSeconds > 0 ? settledInWindow / windowSeconds : Double.NaN;
    }

    /**
     * @param windowStartNanos first nanoTime of the measured window (inclusive)
     * @param windowEndNanos   end of the measured window (exclusive)
     */
    public static WorkloadFigures of(List<TrackedOrder> orders, long windowStartNanos, long windowEndNanos) {
        if (windowEndNanos < windowStartNanos) {
            throw new IllegalArgumentException("the window ends before it starts");
        }
        long acceptedInWindow = 0;
        long settledInWindow = 0;
        long confirmed = 0;
        long rejected = 0;
        long unsettled = 0;
        long confirmedUnits = 0;
        long orderedUnits = 0;
        LongList toSettled = new LongList();
        LongList toAccepted = new LongList();
        LongList intendedToAccepted = new LongList();
        LongList intendedToSettled = new LongList();
        for (TrackedOrder order : orders) {
            orderedUnits += order.units();
            boolean acceptedInside = within(order.acceptedNanos(), windowStartNanos, windowEndNanos);
            if (acceptedInside) {
                acceptedInWindow++;
                toAccepted.add(order.acceptedNanos() - order.sentNanos());
                intendedToAccepted.add(order.acceptedNanos() - order.intendedNanos());
            }
            if (!order.isSettled()) {
                unsettled++;
                continue;
            }
            if (within(order.settledNanos(), windowStartNanos, windowEndNanos)) {
                settledInWindow++;
            }
            if ("CONFIRMED".equals(order.status())) {
                confirmed++;
                confirmedUnits += order.units();
            } else if ("REJECTED".equals(order.status())) {
                rejected++;
            }
            if (acceptedInside) {
                toSettled.add(order.acceptedToSettledNanos());
                intendedToSettled.add(Math.max(0, order.settledNanos() - order.intendedNanos()));
            }
        }
        double seconds = (windowEndNanos - windowStartNanos) / 1e9;
        return new WorkloadFigures(acceptedInWindow, settledInWindow, seconds, orders.size(), confirmed, rejected,
                unsettled, confirmedUnits, orderedUnits, Latency.ofNanos(toSettled.toArray()),
                Latency.ofNanos(toAccepted.toArray()), Latency.ofNanos(intendedToAccepted.toArray()),
                Latency.ofNanos(intendedToSettled.toArray()));
    }

    private static boolean within(long nanos, long start, long end) {
        return nanos != TrackedOrder.NEVER && nanos - start >= 0 && nanos - end < 0;
    }

    /** A growable array of longs (no boxing for a few hundred thousand latencies). */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
