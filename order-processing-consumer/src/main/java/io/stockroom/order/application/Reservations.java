package io.stockroom.order.application;

import io.stockroom.contracts.stock.StockEvent;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.stock.ledger.application.StockEvents;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockKey;

import java.util.ArrayList;
import java.util.List;

/**
 * The stock movements of an order's lines, each under the line's stable operation id so that a retry applies it at
 * most once. Each method returns the stock events of what it did; what the store answered is also shown to
 * {@link StockPlaces}, so sourcing sees this service's own changes at once.
 */
final class Reservations {

    private final StockLedger ledger;
    private final StockPlaces places;

    Reservations(StockLedger ledger, StockPlaces places) {
        this.ledger = ledger;
        this.places = places;
    }

    /** What reserving one line did: the store's answer and the events it causes. */
    record Reserved(MovementResult result, List<StockEvent> events) {
    }

    Reserved reserve(Order order, OrderLineState line, OrderContext context) {
        MovementResult result = ledger.apply(Movement.reserved(order.reserveOperation(line.lineNo()), key(line),
                line.quantity(), context.provenance("order " + order.orderId())));
        return new Reserved(observed(result), StockEvents.of(result, context.now()));
    }

    /**
     * Gives back every line whose reservation was applied (by anyone, at any time), and only those: releasing a
     * line that was never reserved would take units other orders hold.
     */
    List<StockEvent> releaseReserved(Order order, OrderContext context, String why) {
        List<StockEvent> events = new ArrayList<>();
        for (OrderLineState line : order.lines()) {
            if (line.hasLocation() && ledger.isApplied(order.reserveOperation(line.lineNo()), key(line))) {
                events.addAll(apply(Movement.released(order.releaseOperation(line.lineNo()), key(line),
                        line.quantity(), context.provenance(why + " " + order.orderId())), context));
            }
        }
        return events;
    }

    /** Ships every line: its reserved units leave on-hand stock. */
    List<StockEvent> fulfilAll(Order order, OrderContext context) {
        List<StockEvent> events = new ArrayList<>();
        for (OrderLineState line : order.lines()) {
            events.addAll(apply(Movement.fulfilled(order.fulfilOperation(line.lineNo()), key(line), line.quantity(),
                    context.provenance("order " + order.orderId() + " shipped")), context));
        }
        return events;
    }

    private List<StockEvent> apply(Movement movement, OrderContext context) {
        MovementResult result = observed(ledger.apply(movement));
        if (result instanceof MovementResult.Refused refused) {
            // A held reservation always covers its release or shipment; a refusal means stock was changed behind
            // the ledger's back. Failing loudly dead-letters the command for a human instead of hiding it.
            throw new IllegalStateException(movement.operationId() + " refused: " + refused.refusal() + " at "
                    + refused.current());
        }
        return StockEvents.of(result, context.now());
    }

    private MovementResult observed(MovementResult result) {
        switch (result) {
            case MovementResult.Applied applied -> places.observed(applied.after());
            case MovementResult.AlreadyApplied duplicate when duplicate.current() != null ->
                    places.observed(duplicate.current());
            case MovementResult.Refused refused when refused.current() != null -> places.observed(refused.current());
            default -> { }
        }
        return result;
    }

    private static StockKey key(OrderLineState line) {
        return new StockKey(line.sku(), line.location());
    }
}
