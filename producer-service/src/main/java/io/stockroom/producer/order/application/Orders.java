package io.stockroom.producer.order.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.domain.OrderIds;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.StatusChange;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.messaging.PublishFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Placing, reading, cancelling and fulfilling orders. Placement is idempotent per (user, key): the order id is
 * derived from both, the view is inserted before the command is published, and a retry finds the view (and sends
 * the command again while the order has not settled, in case the broker never confirmed it).
 */
public final class Orders {

    public static final int LIST_LIMIT_MAX = 200;

    private final OrderStore store;
    private final MessagePublisher publisher;
    private final AdminCommands commands;
    private final KeyedRateLimiter placementLimit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PriceList prices;

    public Orders(OrderStore store, MessagePublisher publisher, AdminCommands commands,
                  KeyedRateLimiter placementLimit, Clock clock, MeterRegistry meters, PriceList prices) {
        this.prices = prices;
        this.store = store;
        this.publisher = publisher;
        this.commands = commands;
        this.placementLimit = placementLimit;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Places an order for the requester: one write (the view) and one confirmed publish. A retry with the same key
     * answers with the stored order; while that order is not settled yet, its command is sent again (the consumer
     * places each order id once, so a second delivery changes nothing), built from what was stored first.
     *
     * @throws IllegalArgumentException for a bad key or bad lines (the contract record validates them)
     * @throws CommandNotSentException  when the broker did not confirm the command (a retry with the key resends)
     */
    public PlacementResult place(Requester requester, String idempotencyKey, List<OrderLine> lines,
                                 SourcingStrategy sourcing) {
        String orderId = OrderIds.of(requester.username(), idempotencyKey);
        // Milliseconds, as the view stores it: a resent command is then the very same command.
        PlaceOrder command = new PlaceOrder(orderId, requester.username(), lines,
                sourcing == null ? SourcingStrategy.MOST_AVAILABLE : sourcing,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<OrderView> existing = store.find(orderId);
        if (existing.isPresent()) {
            return again(requester, existing.get());
        }
        Duration wait = placementLimit.tryTake(requester.username());
        if (!wait.isZero()) {
            meters.counter("stockroom.producer.orders.rate_limited").increment();
            return new PlacementResult.RateLimited(wait);
        }
        OrderView view = placed(command, prices);
        if (!store.insert(view)) {
            // A request with the same key got there first; it sends the command.
            return new PlacementResult.Placed(store.find(orderId).orElseThrow(), false);
        }
        send(command, requester);
        meters.counter("stockroom.producer.orders.placed").increment();
        return new PlacementResult.Placed(view, true);
    }

    /** The answer to a repeated key: the stored order, whose command is sent again until the order settles. */
    private PlacementResult again(Requester requester, OrderView stored) {
        if (stored.status() == OrderStatus.PLACED) {
            send(commandOf(stored), requester);
        }
        return new PlacementResult.Placed(stored, false);
    }

    private void send(PlaceOrder command, Requester requester) {
        try {
            publisher.publish(command, new PublishContext(command.orderId(), "http:" + command.orderId(),
                    requester.actor()));
        } catch (PublishFailedException e) {
            throw new CommandNotSentException("The order could not be sent: " + e.getMessage(), e);
        }
    }

    private static PlaceOrder commandOf(OrderView stored) {
        return new PlaceOrder(stored.orderId(), stored.customer(), stored.lines().stream()
                .map(line -> new OrderLine(line.sku(), line.quantity(), line.location())).toList(),
                stored.sourcing() == null ? SourcingStrategy.MOST_AVAILABLE : SourcingStrategy.valueOf(stored.sourcing()),
                stored.placedAt());
    }

    private static OrderView placed(PlaceOrder command, PriceList prices) {
        List<OrderLineView> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            OrderLine line = command.lines().get(i);
            lines.add(new OrderLineView(i, line.sku(), line.quantity(), line.location(),
                    prices.priceOf(line.sku()).orElse(null)));
        }
        return new OrderView(command.orderId(), command.customer(), OrderStatus.PLACED, lines, List.of(),
                List.of(new StatusChange(OrderStatus.PLACED, command.placedAt(), null)), 0, command.placedAt(),
                command.sourcing().name());
    }

    /** The requester's orders, newest first. */
    public List<OrderView> mine(Requester requester, int limit) {
        return store.byCustomer(requester.username(), Math.clamp(limit, 1, LIST_LIMIT_MAX));
    }

    /** An order the requester may see: their own, or any for an admin. */
    public Optional<OrderView> get(Requester requester, String orderId) {
        return store.find(orderId).filter(order -> requester.isAdmin() || order.customer().equals(requester.username()));
    }

    /** Every order, newest first (admins). */
    public PageOf<OrderView> all(int page, int size) {
        return store.page(Math.max(page, 0), Math.clamp(size, 1, LIST_LIMIT_MAX));
    }

    /** A filtered page of orders: any order for an admin, only their own for anyone else. */
    public PageOf<OrderView> search(Requester requester, OrderSearch search) {
        OrderSearch allowed = requester.isAdmin() ? search : new OrderSearch(search.status(), requester.username(),
                search.sku(), search.from(), search.until(), search.text(), search.page(), search.size());
        return store.search(allowed);
    }

    /** Asks to cancel an order: the owner or an admin; the consumer decides whether it still can be. */
    public OrderAction cancel(Requester requester, String orderId, String reason) {
        if (get(requester, orderId).isEmpty()) {
            return new OrderAction.NotFound(orderId);
        }
        CancelOrder command = new CancelOrder(commands.newCommandId(), orderId, reason);
        return new OrderAction.Sent(commands.submit(requester, command));
    }

    /** Marks an order shipped (admins only; the web layer checks the role, the consumer checks it again). */
    public OrderAction fulfil(Requester requester, String orderId) {
        if (!requester.isAdmin() || store.find(orderId).isEmpty()) {
            return new OrderAction.NotFound(orderId);
        }
        return new OrderAction.Sent(commands.submit(requester,
                new FulfilOrder(commands.newCommandId(), orderId)));
    }
}
