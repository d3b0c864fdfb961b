package io.stockroom.order.application;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.stock.ledger.application.StockEvents;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a batch of new orders with a fixed number of store writes, whatever the batch size: one bulk insert of
 * the orders (each with its lines' locations already chosen, from memory), one guarded update per stock record for
 * all reservations that fit (in arrival order), one bulk insert of ledger entries, one bulk write of the outcomes.
 *
 * <p>Every step is the same saga as {@link OrderPlacement}'s, only done for many orders at once: the order document
 * with its chosen locations is stored before anything is reserved, and every reservation is guarded by its stable
 * operation id. So a crash anywhere leaves each order untouched or resumable: its redelivery finds the document and
 * {@link OrderPlacement#resume} finishes it. Whatever this path does not settle cleanly (an order that existed
 * already, one with only some lines reserved, one a competitor changed) is handed to that saga too.
 */
public final class BatchPlacement {

    /** One order command of a batch, and who sent it. */
    public record Request(PlaceOrder command, OrderContext context) {
    }

    /** An order of the batch on its way: its document as stored, or to be stored, and its reservations. */
    private static final class Draft {
        final Request request;
        Order order;
        final List<Movement> reservations = new ArrayList<>();
        final List<MovementResult> results = new ArrayList<>();
        boolean stored;
        boolean handOver;

        Draft(Request request, Order order) {
            this.request = request;
            this.order = order;
        }
    }

    private final OrderStore orders;
    private final StockLedger ledger;
    private final LineChecks checks;
    private final StockPlaces places;
    private final OrderPlacement saga;
    private final OrderMetrics metrics;

    public BatchPlacement(OrderStore orders, StockLedger ledger, StockPlaces places, OrderPlacement saga,
                          OrderMetrics metrics) {
        this.orders = orders;
        this.ledger = ledger;
        this.checks = new LineChecks(places);
        this.places = places;
        this.saga = saga;
        this.metrics = metrics;
    }

    /**
     * Takes every order of the batch to CONFIRMED or REJECTED (or finds it there).
     *
     * @param requests at most one request per order id
     * @return the events to publish per request, in the order of {@code requests}; stock events of the whole batch
     *         ride with the first request
     */
    public List<List<Event>> placeAll(List<Request> requests) {
        long startedNanos = System.nanoTime();
        Steps steps = new Steps(requests.size());
        List<Draft> drafts = plan(requests);
        steps.done(OrderMetrics.BatchStep.SOURCE);
        store(drafts);
        steps.done(OrderMetrics.BatchStep.STORE_ORDERS);
        List<MovementResult> results = reserve(drafts);
        steps.done(OrderMetrics.BatchStep.RESERVE);
        Set<String> written = orders.replaceAll(settle(drafts));
        steps.done(OrderMetrics.BatchStep.WRITE_OUTCOMES);
        List<List<Event>> events = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            events.add(eventsOf(draft, written, startedNanos));
        }
        steps.done(OrderMetrics.BatchStep.HAND_OVER);
        if (!events.isEmpty()) {
            List<Event> first = new ArrayList<>(StockEvents.ofAll(results, requests.getFirst().context().now()));
            first.addAll(events.getFirst());
            events.set(0, first);
        }
        return events;
    }

    /** Times the steps of one batch, each from the end of the one before. */
    private final class Steps {
        private final int orders;
        private long lastNanos = System.nanoTime();

        Steps(int orders) {
            this.orders = orders;
        }

        void done(OrderMetrics.BatchStep step) {
            long now = System.nanoTime();
            metrics.batchStepTook(step, orders, Duration.ofNanos(now - lastNanos));
            lastNanos = now;
        }
    }

    /** Chooses every line's location from memory, as if the batch's earlier lines had already taken their units. */
    private List<Draft> plan(List<Request> requests) {
        Map<StockKey, Integer> planned = new HashMap<>();
        List<Draft> drafts = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Order order = Order.placed(request.command(), request.context().now());
            drafts.add(new Draft(request, located(order, request.context(), planned)));
        }
        return drafts;
    }

    /**
     * The order with a location for every line, or already REJECTED when some line has none (no stock is touched
     * then, so the rejection needs no release). Sourcing first treats what earlier orders of the batch planned as
     * gone; when that leaves no location, it takes the one memory says is best, and the guarded update decides.
     */
    private Order located(Order placed, OrderContext context, Map<StockKey, Integer> planned) {
        Order order = placed;
        Map<StockKey, Integer> mine = new HashMap<>();
        for (OrderLineState line : placed.lines()) {
            Optional<LineRejection> refusal = line.hasLocation() ? checks.checkLocation(line) : Optional.empty();
            if (refusal.isEmpty() && !line.hasLocation()) {
                LineChecks.Sourced sourced = checks.source(line, order.sourcing(), plannedFor(line.sku(), planned,
                        mine));
                if (sourced instanceof LineChecks.Sourced.Nowhere) {
                    sourced = checks.source(line, order.sourcing());
                }
                switch (sourced) {
                    case LineChecks.Sourced.At at -> order = order.withLocation(line.lineNo(), at.location());
                    case LineChecks.Sourced.Nowhere nowhere -> refusal = Optional.of(nowhere.rejection());
                }
            }
            if (refusal.isPresent()) {
                return rejectedUntouched(order, line.lineNo(), refusal.get(), context);
            }
            OrderLineState chosen = order.lines().get(line.lineNo());
            mine.merge(new StockKey(chosen.sku(), chosen.location()), chosen.quantity(), Integer::sum);
        }
        mine.forEach((key, units) -> planned.merge(key, units, Integer::sum));
        return order;
    }

    private static Map<String, Integer> plannedFor(String sku, Map<StockKey, Integer> planned,
                                                   Map<StockKey, Integer> mine) {
        Map<String, Integer> byLocation = new HashMap<>();
        for (Map<StockKey, Integer> taken : List.of(planned, mine)) {
            taken.forEach((key, units) -> {
                if (key.sku().equals(sku)) {
                    byLocation.merge(key.location(), units, Integer::sum);
                }
            });
        }
        return byLocation;
    }

    private Order rejectedUntouched(Order order, int failedLineNo, LineRejection failure, OrderContext context) {
        List<LineRejection> reasons = new ArrayList<>(order.lines().size());
        for (OrderLineState line : order.lines()) {
            reasons.add(line.lineNo() == failedLineNo ? failure : checks.assess(line, order.sourcing()));
        }
        return order.rejecting(reasons, context.now(), context.actor()).finished(context.now(), context.actor());
    }

    /** One bulk insert; an order whose id is taken already (a redelivery) is resumed from what is stored. */
    private void store(List<Draft> drafts) {
        Set<String> inserted = orders.insertNew(drafts.stream().map(draft -> draft.order).toList());
        for (Draft draft : drafts) {
            draft.stored = inserted.contains(draft.order.orderId());
            draft.handOver = !draft.stored;
        }
    }

    /** One guarded update per stock record for the reservations of every order stored just now. */
    private List<MovementResult> reserve(List<Draft> drafts) {
        List<Movement> movements = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.stored && !draft.order.status().isTerminal()) {
                for (OrderLineState line : draft.order.lines()) {
                    draft.reservations.add(Movement.reserved(draft.order.reserveOperation(line.lineNo()),
                            new StockKey(line.sku(), line.location()), line.quantity(),
                            draft.request.context().provenance("order " + draft.order.orderId())));
                }
                movements.addAll(draft.reservations);
            }
        }
        // The operation ids derive from orders this batch has just created, so none can have been tried before.
        List<MovementResult> results = ledger.applyAllNew(movements);
        Map<String, MovementResult> byOperation = new HashMap<>();
        results.forEach(result -> byOperation.put(result.movement().operationId(), result));
        for (Draft draft : drafts) {
            draft.reservations.forEach(movement -> draft.results.add(byOperation.get(movement.operationId())));
        }
        results.forEach(this::observe);
        return results;
    }

    private void observe(MovementResult result) {
        switch (result) {
            case MovementResult.Applied applied -> places.observed(applied.after());
            case MovementResult.Refused refused when refused.current() != null -> places.observed(refused.current());
            default -> { }
        }
    }

    /**
     * Decides every reserved order: all lines held, CONFIRMED; no line held, REJECTED with each line's reason; only
     * some held, handed to the saga (which persists REJECTING before it releases anything). Returns the orders to
     * write.
     */
    private List<Order> settle(List<Draft> drafts) {
        List<Order> settled = new ArrayList<>();
        for (Draft draft : drafts) {
            if (!draft.stored || draft.reservations.isEmpty()) {
                continue;
            }
            OrderContext context = draft.request.context();
            long held = draft.results.stream().filter(MovementResult::changedStock).count();
            if (held == draft.results.size()) {
                draft.order = draft.order.confirmed(context.now(), context.actor());
            } else if (held == 0) {
                draft.order = refusedEverywhere(draft, context);
            } else {
                draft.handOver = true;
                continue;
            }
            settled.add(draft.order);
        }
        return settled;
    }

    private Order refusedEverywhere(Draft draft, OrderContext context) {
        List<LineRejection> reasons = new ArrayList<>(draft.order.lines().size());
        for (int i = 0; i < draft.order.lines().size(); i++) {
            reasons.add(checks.refused(draft.order.lines().get(i), (MovementResult.Refused) draft.results.get(i)));
        }
        return draft.order.rejecting(reasons, context.now(), context.actor()).finished(context.now(),
                context.actor());
    }

    private List<Event> eventsOf(Draft draft, Set<String> written, long startedNanos) {
        boolean settledHere = draft.stored && (draft.reservations.isEmpty() || written.contains(draft.order.orderId()));
        if (draft.handOver || !settledHere) {
            Order stored = orders.find(draft.order.orderId()).orElseThrow(() ->
                    new IllegalStateException("order " + draft.order.orderId() + " disappeared"));
            return saga.resume(stored, draft.request.context());
        }
        record(draft.order, startedNanos);
        OrderContext context = draft.request.context();
        return List.of(draft.order.status() == OrderStatus.CONFIRMED
                ? OrderPlacement.confirmed(draft.order, context) : OrderPlacement.rejected(draft.order, context));
    }

    private void record(Order order, long startedNanos) {
        if (order.status() == OrderStatus.CONFIRMED) {
            metrics.confirmed();
        } else {
            metrics.rejected(order.rejections().stream().map(LineRejection::reason)
                    .filter(reason -> reason != RejectionReason.RELEASED_OTHER_LINE_FAILED).findFirst()
                    .orElse(RejectionReason.RELEASED_OTHER_LINE_FAILED));
        }
        metrics.reservationTook(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
