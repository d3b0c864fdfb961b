package io.stockroom.order.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderCommand;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.stock.ledger.application.StockLedger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cancels and fulfils confirmed orders. Each first persists its "-ING" status with the command's id (so only one
 * of two competing commands wins, and a redelivery of the winner resumes it), then moves the stock line by line
 * under stable operation ids, then persists the terminal status. Returns the events to publish, ending with the
 * command's outcome.
 */
public final class OrderLifecycle {

    /** A conflict means a competitor changed the order; each retry sees its change, so a few suffice. */
    private static final int ATTEMPTS_MAX = 8;

    private final OrderStore orders;
    private final Reservations reservations;
    private final Duration placementGrace;

    /**
     * @param placementGrace how long after it was sent a command waits for an order still being placed, before it
     *                       is refused as an invalid transition
     */
    public OrderLifecycle(OrderStore orders, StockLedger ledger, StockPlaces places, Duration placementGrace) {
        this.orders = orders;
        this.reservations = new Reservations(ledger, places);
        this.placementGrace = placementGrace;
    }

    /** The owner or an admin cancels a confirmed order; anyone else learns only that there is no such order. */
    public List<Event> cancel(CancelOrder command, OrderContext context) {
        Optional<Order> found = orders.find(command.orderId())
                .filter(order -> context.admin() || order.isOwnedBy(context.actor()));
        if (found.isEmpty()) {
            return List.of(notFound(command, context));
        }
        return close(found.get(), new Closing(command, OrderStatus.CANCELLING, "cancelled"), command.reason(),
                context);
    }

    /** An admin ships a confirmed order: its reserved units leave on-hand stock. */
    public List<Event> fulfil(FulfilOrder command, OrderContext context) {
        Optional<Order> found = orders.find(command.orderId());
        if (found.isEmpty()) {
            return List.of(notFound(command, context));
        }
        return close(found.get(), new Closing(command, OrderStatus.FULFILLING, "fulfilled"), null, context);
    }

    /** What a closing command asks for: which "-ING" status it goes through, and the word for its result. */
    private record Closing(OrderCommand command, OrderStatus closing, String done) {

        String commandId() {
            return command.commandId();
        }
    }

    private List<Event> close(Order found, Closing closing, String reason, OrderContext context) {
        Order order = found;
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            boolean ours = closing.commandId().equals(order.closingCommandId());
            if (order.status() == OrderStatus.CONFIRMED) {
                Order started = closing.closing() == OrderStatus.CANCELLING
                        ? order.cancelling(closing.commandId(), context.now(), context.actor(), reason)
                        : order.fulfilling(closing.commandId(), context.now(), context.actor());
                order = orders.replace(started) ? started : reload(order);
            } else if (ours && order.status() == closing.closing()) {
                List<Event> events = new ArrayList<>(closing.closing() == OrderStatus.CANCELLING
                        ? reservations.releaseReserved(order, context, "cancelled order")
                        : reservations.fulfilAll(order, context));
                Order finished = order.finished(context.now(), context.actor());
                if (orders.replace(finished)) {
                    return done(finished, closing, events, context);
                }
                order = reload(order);
            } else if (ours && order.status() == closing.closing().successors().iterator().next()) {
                return done(order, closing, new ArrayList<>(), context);
            } else if (order.status() == OrderStatus.PLACED || order.status() == OrderStatus.REJECTING) {
                if (context.sentAt().plus(placementGrace).isAfter(context.now())) {
                    throw new OrderStillPlacing(order.orderId());
                }
                return List.of(invalidTransition(order, closing, context));
            } else {
                return List.of(invalidTransition(order, closing, context));
            }
        }
        throw new IllegalStateException("order " + found.orderId() + " kept changing; giving up after "
                + ATTEMPTS_MAX + " attempts");
    }

    private static List<Event> done(Order order, Closing closing, List<Event> events, OrderContext context) {
        var change = order.history().get(order.history().size() - 2);
        events.add(order.status() == OrderStatus.CANCELLED
                ? new OrderCancelled(order.orderId(), order.customer(), change.by(), change.detail(), order.version(),
                context.now())
                : new OrderFulfilled(order.orderId(), order.customer(), change.by(), order.version(), context.now()));
        events.add(CommandOutcome.applied(closing.command(), "Order " + order.orderId() + " " + closing.done(),
                context.now()));
        return events;
    }

    private static CommandOutcome invalidTransition(Order order, Closing closing, OrderContext context) {
        return CommandOutcome.rejected(closing.command(), RejectionCode.INVALID_TRANSITION,
                "Order " + order.orderId() + " is " + order.status() + "; only a CONFIRMED order can be "
                        + closing.done(), context.now());
    }

    private static CommandOutcome notFound(OrderCommand command, OrderContext context) {
        return CommandOutcome.rejected(command, RejectionCode.ORDER_NOT_FOUND, "There is no order "
                + command.subject(), context.now());
    }

    private Order reload(Order order) {
        return orders.find(order.orderId()).orElseThrow(() ->
                new IllegalStateException("order " + order.orderId() + " disappeared"));
    }
}
