package io.stockroom.order.application;

import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.stock.ledger.application.StockEvents;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockKey;

import java.util.List;

/**
 * The stock movements of an order's lines, each under the line's stable operation id so that a retry applies it at
 * most once. Every method appends the stock events of what it did to {@code events}.
 */
final class Reservations {

    private final StockLedger ledger;

    Reservations(StockLedger ledger) {
        this.ledger = ledger;
    }

    MovementResult reserve(Order order, OrderLineState line, OrderContext context, List<Record> events) {
        MovementResult result = ledger.apply(Movement.reserved(order.reserveOperation(line.lineNo()), key(line),
                line.quantity(), context.provenance("order " + order.orderId())));
        events.addAll(StockEvents.of(result, context.now()));
        return result;
    }

    /**
     * Gives back every line whose reservation was applied (by anyone, at any time), and only those: releasing a
     * line that was never reserved would take units other orders hold.
     */
    void releaseReserved(Order order, OrderContext context, String why, List<Record> events) {
        for (OrderLineState line : order.lines()) {
            if (line.hasLocation() && ledger.isApplied(order.reserveOperation(line.lineNo()), key(line))) {
                apply(Movement.released(order.releaseOperation(line.lineNo()), key(line), line.quantity(),
                        context.provenance(why + " " + order.orderId())), context, events);
            }
        }
    }

    /** Ships every line: its reserved units leave on-hand stock. */
    void fulfilAll(Order order, OrderContext context, List<Record> events) {
        for (OrderLineState line : order.lines()) {
            apply(Movement.fulfilled(order.fulfilOperation(line.lineNo()), key(line), line.quantity(),
                    context.provenance("order " + order.orderId() + " shipped")), context, events);
        }
    }

    private void apply(Movement movement, OrderContext context, List<Record> events) {
        MovementResult result = ledger.apply(movement);
        if (result instanceof MovementResult.Refused refused) {
            // A held reservation always covers its release or shipment; a refusal means stock was changed behind
            // the ledger's back. Failing loudly dead-letters the command for a human instead of hiding it.
            throw new IllegalStateException(movement.operationId() + " refused: " + refused.refusal() + " at "
                    + refused.current());
        }
        events.addAll(StockEvents.of(result, context.now()));
    }

    private static StockKey key(OrderLineState line) {
        return new StockKey(line.sku(), line.location());
    }
}
