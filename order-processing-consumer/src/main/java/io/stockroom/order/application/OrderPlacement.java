package io.stockroom.order.application;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.MovementResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places an order as a saga whose only state is the order document, so any consumer can pick it up where another
 * died: create the document (or find it), then per line choose a location and persist the choice before reserving
 * under the line's stable operation id; when a line is refused, persist REJECTING with a reason per line, release
 * whatever was reserved, then REJECTED; when every line is held, CONFIRMED. Every status change is written over
 * the version it was derived from, so competing deliveries of the same command agree on one outcome.
 */
public final class OrderPlacement {

    /** Each step makes progress or yields to a competitor that did; this bounds both. */
    private static final int STEPS_MAX = 4 * PlaceOrder.LINES_MAX + 8;

    private final OrderStore orders;
    private final LineChecks checks;
    private final Reservations reservations;
    private final OrderMetrics metrics;

    public OrderPlacement(OrderStore orders, StockLedger ledger, StockPlaces places, OrderMetrics metrics) {
        this.orders = orders;
        this.checks = new LineChecks(places);
        this.reservations = new Reservations(ledger, places);
        this.metrics = metrics;
    }

    /** Takes the order to CONFIRMED or REJECTED (or finds it there) and returns the events to publish. */
    public List<Event> place(PlaceOrder command, OrderContext context) {
        return resume(orders.createOrGet(Order.placed(command, context.now())), context);
    }

    /**
     * Takes a stored order on from wherever it is (a redelivery, or an order the batch path handed over) to
     * CONFIRMED or REJECTED, and returns the events to publish.
     */
    public List<Event> resume(Order stored, OrderContext context) {
        long startedNanos = System.nanoTime();
        List<Event> events = new ArrayList<>();
        Order order = stored;
        for (int step = 0; step < STEPS_MAX; step++) {
            Optional<Order> next = switch (order.status()) {
                case PLACED -> reserveLines(order, context, events, startedNanos);
                case REJECTING -> finishRejection(order, context, events, startedNanos);
                case REJECTED -> {
                    // A competitor that lost the race may have reserved a line after the release; give it back.
                    events.addAll(reservations.releaseReserved(order, context, "rejected order"));
                    events.add(rejected(order, context));
                    yield Optional.empty();
                }
                case CONFIRMED -> {
                    events.add(confirmed(order, context));
                    yield Optional.empty();
                }
                case CANCELLING, CANCELLED, FULFILLING, FULFILLED -> Optional.empty();
            };
            if (next.isEmpty()) {
                return events;
            }
            order = next.get();
        }
        throw new IllegalStateException("order " + stored.orderId() + " did not settle in " + STEPS_MAX + " steps");
    }

    /** Reserves line by line; empty once confirmed here, else the order to continue from. */
    private Optional<Order> reserveLines(Order order, OrderContext context, List<Event> events,
                                         long startedNanos) {
        Order current = order;
        for (int lineNo = 0; lineNo < current.lines().size(); lineNo++) {
            OrderLineState line = current.lines().get(lineNo);
            if (!line.hasLocation()) {
                LineChecks.Sourced sourced = checks.source(line, current.sourcing());
                if (sourced instanceof LineChecks.Sourced.Nowhere nowhere) {
                    return Optional.of(reject(current, lineNo, nowhere.rejection(), context));
                }
                // Persist the choice before reserving: a redelivery must reserve at the same place, once.
                Order located = current.withLocation(lineNo, ((LineChecks.Sourced.At) sourced).location());
                if (!orders.replace(located)) {
                    return Optional.of(reload(current));
                }
                current = located;
                line = located.lines().get(lineNo);
            }
            Optional<LineRejection> badLocation = checks.checkLocation(line);
            if (badLocation.isPresent()) {
                return Optional.of(reject(current, lineNo, badLocation.get(), context));
            }
            Reservations.Reserved reserved = reservations.reserve(current, line, context);
            events.addAll(reserved.events());
            if (reserved.result() instanceof MovementResult.Refused refused) {
                return Optional.of(reject(current, lineNo, checks.refused(line, refused), context));
            }
        }
        Order confirmed = current.confirmed(context.now(), context.actor());
        if (!orders.replace(confirmed)) {
            return Optional.of(reload(current));
        }
        metrics.confirmed();
        metrics.reservationTook(Duration.ofNanos(System.nanoTime() - startedNanos));
        events.add(confirmed(confirmed, context));
        return Optional.empty();
    }

    private Order reject(Order order, int failedLineNo, LineRejection failure, OrderContext context) {
        List<LineRejection> reasons = new ArrayList<>(order.lines().size());
        for (OrderLineState line : order.lines()) {
            if (line.lineNo() < failedLineNo) {
                reasons.add(LineChecks.releasedForOther(line, line.location()));
            } else if (line.lineNo() == failedLineNo) {
                reasons.add(failure);
            } else {
                reasons.add(checks.assess(line, order.sourcing()));
            }
        }
        Order rejecting = order.rejecting(reasons, context.now(), context.actor());
        return orders.replace(rejecting) ? rejecting : reload(order);
    }

    /** Releases what was reserved; empty once rejected here, else the order to continue from. */
    private Optional<Order> finishRejection(Order order, OrderContext context, List<Event> events,
                                            long startedNanos) {
        events.addAll(reservations.releaseReserved(order, context, "rejected order"));
        Order rejected = order.finished(context.now(), context.actor());
        if (!orders.replace(rejected)) {
            return Optional.of(reload(order));
        }
        metrics.rejected(order.rejections().stream().map(LineRejection::reason)
                .filter(reason -> reason != RejectionReason.RELEASED_OTHER_LINE_FAILED).findFirst()
                .orElse(RejectionReason.RELEASED_OTHER_LINE_FAILED));
        metrics.reservationTook(Duration.ofNanos(System.nanoTime() - startedNanos));
        events.add(rejected(rejected, context));
        return Optional.empty();
    }

    static OrderConfirmed confirmed(Order order, OrderContext context) {
        return new OrderConfirmed(order.orderId(), order.customer(), order.allocations(), order.version(),
                context.now());
    }

    static OrderRejected rejected(Order order, OrderContext context) {
        return new OrderRejected(order.orderId(), order.customer(), order.rejections(), order.version(),
                context.now());
    }

    private Order reload(Order order) {
        return orders.find(order.orderId()).orElseThrow(() ->
                new IllegalStateException("order " + order.orderId() + " disappeared"));
    }
}
