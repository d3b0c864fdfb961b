package io.stockroom.bench.reconcile;

import io.stockroom.bench.load.TrackedOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-of-workload check that every accepted order reached exactly one terminal status: the shopper's stream and
 * the order's own record ({@code GET /api/orders/{id}}) are compared order by order. Nothing is averaged away; every
 * order that is off is listed (up to {@link #EXAMPLES_MAX} ids per kind, with the full count).
 *
 * @param checked          accepted orders checked
 * @param confirmed        orders whose record says CONFIRMED
 * @param rejected         orders whose record says REJECTED
 * @param confirmedUnits   units of the confirmed orders, by their records
 * @param notSettled       orders whose record is not terminal (still PLACED after the drain), with their status
 * @param missing          orders the API did not return (404, an error, no answer)
 * @param multipleTerminal orders whose history has more than one terminal entry (applied twice)
 * @param disagreeing      orders whose stream status differs from their record, or whose stream showed two statuses
 * @param notOnStream      settled orders whose terminal status never reached the shopper's stream (not lost, but the
 *                         shopper did not see it live; they have no latency figure)
 * @param streamRepeats    terminal events the streams delivered more than once for the same order and status
 */
public record Reconciliation(long checked, long confirmed, long rejected, long confirmedUnits, Problems notSettled,
                             Problems missing, Problems multipleTerminal, Problems disagreeing, Problems notOnStream,
                             long streamRepeats) {

    public static final int EXAMPLES_MAX = 5;

    /** How many orders have one kind of problem, and a few of them for a human to look up. */
    public record Problems(long count, List<String> examples) {

        static Problems of(List<String> all) {
            return new Problems(all.size(), List.copyOf(all.subList(0, Math.min(EXAMPLES_MAX, all.size()))));
        }

        @Override
        public String toString() {
            return count == 0 ? "0" : count + " (e.g. " + String.join(", ", examples) + ")";
        }
    }

    /** Every order settled exactly once, as the stream said; late stream events alone do not make a run unclean. */
    public boolean clean() {
        return notSettled.count() == 0 && missing.count() == 0 && multipleTerminal.count() == 0
                && disagreeing.count() == 0;
    }

    /**
     * @param orders the accepted orders of one workload, as the generator and the streams saw them
     * @param states each order's record by id; an order without an entry counts as missing
     */
    public static Reconciliation of(List<TrackedOrder> orders, Map<String, OrderState> states) {
        long confirmed = 0;
        long rejected = 0;
        long units = 0;
        long repeats = 0;
        List<String> notSettled = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> multiple = new ArrayList<>();
        List<String> disagreeing = new ArrayList<>();
        List<String> notOnStream = new ArrayList<>();
        for (TrackedOrder order : orders) {
            String id = order.orderId();
            OrderState state = states.get(id);
            if (state == null || state.httpStatus() != 200) {
                missing.add(id + (state == null ? " (not fetched)" : " (HTTP " + state.httpStatus()
                        + (state.failure() == null ? "" : ", " + state.failure()) + ")"));
                continue;
            }
            if (!state.settled()) {
                notSettled.add(id + " (" + state.status() + ")");
                continue;
            }
            if ("CONFIRMED".equals(state.status())) {
                confirmed++;
                units += order.units();
            } else {
                rejected++;
            }
            if (state.terminalEntries() != 1) {
                multiple.add(id + " (" + state.terminalEntries() + " terminal entries)");
            }
            if (!order.isSettled()) {
                notOnStream.add(id);
            } else if (!state.status().equals(order.status()) || order.conflictingStatus() != null) {
                disagreeing.add(id + " (stream " + order.status()
                        + (order.conflictingStatus() == null ? "" : " then " + order.conflictingStatus())
                        + ", record " + state.status() + ")");
            } else {
                repeats += order.terminalEvents() - 1;
            }
        }
        return new Reconciliation(orders.size(), confirmed, rejected, units, Problems.of(notSettled),
                Problems.of(missing), Problems.of(multiple), Problems.of(disagreeing), Problems.of(notOnStream),
                repeats);
    }
}
