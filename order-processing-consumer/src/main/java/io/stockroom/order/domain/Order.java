package io.stockroom.order.domain;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An order and everything needed to finish what was started on it: the chosen location of every line, the
 * per-line reasons of a rejection, the command that started a cancel or fulfilment, and the history of its
 * statuses. Every change returns a new order with the next version; the store writes it only over the version it
 * was derived from (optimistic concurrency), so two consumers working on the same order never both win.
 *
 * @param rejections      one per line once the order is REJECTING; empty otherwise
 * @param closingCommandId the cancel or fulfil command that moved a CONFIRMED order on; null before
 */
public record Order(String orderId, String customer, SourcingStrategy sourcing, List<OrderLineState> lines,
                    OrderStatus status, List<LineRejection> rejections, String closingCommandId,
                    List<StatusChange> history, long version, Instant placedAt) {

    /** History is bounded: the longest life (placed, confirmed, closing, closed) has four entries. */
    public static final int HISTORY_MAX = 8;

    public Order {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        Require.notNull("sourcing", sourcing);
        lines = List.copyOf(Require.size("lines", lines, 1, PlaceOrder.LINES_MAX));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineNo() != i) {
                throw new IllegalArgumentException("line " + i + " is numbered " + lines.get(i).lineNo());
            }
        }
        Require.notNull("status", status);
        rejections = List.copyOf(rejections);
        if (!rejections.isEmpty() && rejections.size() != lines.size()) {
            throw new IllegalArgumentException("a rejection needs a reason for every line");
        }
        history = List.copyOf(Require.size("history", history, 1, HISTORY_MAX));
        if (history.getLast().status() != status) {
            throw new IllegalArgumentException("the last history entry must be the current status");
        }
        Require.nonNegative("version", version);
        Require.notNull("placedAt", placedAt);
    }

    /** A new order for the command, every line still without a reservation. */
    public static Order placed(PlaceOrder command, Instant at) {
        List<OrderLineState> lines = IntStream.range(0, command.lines().size())
                .mapToObj(i -> OrderLineState.of(i, command.lines().get(i))).toList();
        return new Order(command.orderId(), command.customer(), command.sourcing(), lines, OrderStatus.PLACED,
                List.of(), null, List.of(new StatusChange(OrderStatus.PLACED, at, command.customer(), null)), 1,
                command.placedAt());
    }

    /** The ledger operation that reserves line {@code lineNo}; stable across retries. */
    public String reserveOperation(int lineNo) {
        return orderId + ":line:" + lineNo + ":reserve";
    }

    /** The ledger operation that gives line {@code lineNo}'s reservation back (rejection or cancel). */
    public String releaseOperation(int lineNo) {
        return orderId + ":line:" + lineNo + ":release";
    }

    /** The ledger operation that ships line {@code lineNo}'s reserved units. */
    public String fulfilOperation(int lineNo) {
        return orderId + ":line:" + lineNo + ":fulfil";
    }

    public boolean isOwnedBy(String user) {
        return customer.equals(user);
    }

    /** Records the location sourcing chose for a line; allowed once, while the order is being placed. */
    public Order withLocation(int lineNo, String location) {
        requireStatus(OrderStatus.PLACED);
        List<OrderLineState> changed = new ArrayList<>(lines);
        changed.set(lineNo, lines.get(lineNo).at(location));
        return new Order(orderId, customer, sourcing, changed, status, rejections, closingCommandId, history,
                version + 1, placedAt);
    }

    /** Every line is reserved: the order is confirmed. */
    public Order confirmed(Instant at, String by) {
        if (lines.stream().anyMatch(line -> !line.hasLocation())) {
            throw new IllegalStateException("order " + orderId + " has a line without a location");
        }
        return next(OrderStatus.CONFIRMED, at, by, null, rejections, closingCommandId);
    }

    /** A line could not be reserved: remember why for every line, then release what was taken. */
    public Order rejecting(List<LineRejection> reasons, Instant at, String by) {
        Require.size("reasons", reasons, lines.size(), lines.size());
        return next(OrderStatus.REJECTING, at, by, null, reasons, closingCommandId);
    }

    /** The owner or an admin asked to cancel: release the reservations next. */
    public Order cancelling(String commandId, Instant at, String by, String reason) {
        return next(OrderStatus.CANCELLING, at, by, reason, rejections, Require.id("commandId", commandId));
    }

    /** An admin shipped the order: take the reserved units out of stock next. */
    public Order fulfilling(String commandId, Instant at, String by) {
        return next(OrderStatus.FULFILLING, at, by, null, rejections, Require.id("commandId", commandId));
    }

    /** The stock movements of an "-ING" status are done: move to the terminal status it leads to. */
    public Order finished(Instant at, String by) {
        OrderStatus terminal = switch (status) {
            case REJECTING -> OrderStatus.REJECTED;
            case CANCELLING -> OrderStatus.CANCELLED;
            case FULFILLING -> OrderStatus.FULFILLED;
            default -> throw new IllegalStateException("order " + orderId + " is " + status + ": nothing to finish");
        };
        return next(terminal, at, by, history.getLast().detail(), rejections, closingCommandId);
    }

    /** The lines with their locations, as a confirmed order reports them. */
    public List<AllocatedLine> allocations() {
        return lines.stream().filter(OrderLineState::hasLocation)
                .map(line -> new AllocatedLine(line.lineNo(), line.sku(), line.location(), line.quantity())).toList();
    }

    /** Who moved the order into its current status, and why. */
    public StatusChange lastChange() {
        return history.getLast();
    }

    private Order next(OrderStatus target, Instant at, String by, String detail, List<LineRejection> reasons,
                       String closingCommand) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("order " + orderId + " cannot go from " + status + " to " + target);
        }
        List<StatusChange> changes = new ArrayList<>(history);
        changes.add(new StatusChange(target, at, by, detail));
        return new Order(orderId, customer, sourcing, lines, target, reasons, closingCommand, changes, version + 1,
                placedAt);
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", not " + expected);
        }
    }
}
