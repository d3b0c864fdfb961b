package io.stockroom.producer.live.adapter.in.web;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.producer.order.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Server-sent event streams fed by this instance's live queue: order status, command outcomes and stock levels.
 *
 * <p>A stream that names what it follows (order ids, command ids) first gets their current state, so nothing that
 * happened between a page's rendering and its subscription is lost. The subscriber is registered <em>before</em> the
 * current state is read, and {@link #publish} records an event in a recent-state cache <em>before</em> it reads the
 * subscribers; both are synchronised actions, so for every event at least one of the two paths delivers it (the
 * browser drops repeats by version or command id). Subscribers are bounded in number and time; a dead connection is
 * dropped on the next send.
 */
public final class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Upper bound on open streams per instance; beyond it the oldest stream is closed. */
    public static final int STREAMS_MAX = 2_000;
    public static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** Ids one stream may follow (a page of orders, a bulk action's commands). */
    public static final int FOLLOWED_IDS_MAX = 100;
    /** Recent order states and command outcomes remembered for streams that open late. */
    static final int RECENT_MAX = 20_000;

    /** What an order stream sends: enough to update a status badge without a reload. */
    public record OrderUpdate(String orderId, OrderStatus status, long version, Instant at, String detail) {
    }

    /** What a stock stream sends. */
    public record StockUpdate(String sku, String location, int onHand, int reserved, int available, long version) {
    }

    /** An order's latest state and whose order it is (the customer is not sent to browsers). */
    private record RecentOrder(String customer, OrderUpdate update) {
    }

    /**
     * One open stream.
     *
     * @param customer only this customer's orders, or null for every order
     * @param ids      only these order or command ids or SKUs, or null for all
     * @param view     how a command outcome is shown on this stream
     */
    private record Subscriber(SseEmitter emitter, String topic, String customer, Set<String> ids,
                              Function<CommandOutcome, Object> view) {

        boolean wants(String topic, String customer, String id) {
            return this.topic.equals(topic) && (this.customer == null || this.customer.equals(customer))
                    && (ids == null || ids.contains(id));
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, RecentOrder> recentOrders = bounded();
    private final Map<String, CommandOutcome> recentOutcomes = bounded();

    /** Order status changes of {@code username}'s orders (events named {@code order}), from now on. */
    public SseEmitter orders(String username) {
        return open(new Subscriber(emitter(), "order", username, null, null)).emitter();
    }

    /**
     * Status changes of the given orders (events named {@code order}), starting with their current state.
     *
     * @param customer whose orders these must be, or null for an admin (any order)
     * @param stored   the stored state of an order the requester may see (empty for others)
     */
    public SseEmitter orders(String customer, Collection<String> orderIds,
                             Function<String, Optional<OrderUpdate>> stored) {
        Set<String> ids = bound(orderIds);
        Subscriber subscriber = open(new Subscriber(emitter(), "order", customer, ids, null));
        for (String id : ids) {
            RecentOrder recent;
            synchronized (recentOrders) {
                recent = recentOrders.get(id);
            }
            OrderUpdate current = stored.apply(id).orElse(null);
            boolean visible = recent != null && (customer == null || customer.equals(recent.customer()));
            if (visible && (current == null || current.version() < recent.update().version())) {
                current = recent.update();
            }
            if (current != null) {
                send(subscriber, "order", current);
            }
        }
        return subscriber.emitter();
    }

    /** Every command outcome (events named {@code outcome}, the contract's JSON); callers must check the ADMIN role. */
    public SseEmitter commandOutcomes() {
        return open(new Subscriber(emitter(), "outcome", null, null, outcome -> outcome)).emitter();
    }

    /**
     * Outcomes of the given commands (events named {@code outcome}), starting with those already known.
     *
     * @param stored how the stored outcome of a command the requester may follow is shown (empty while pending)
     * @param view   what each outcome is shown as (a browser wants sentences, not codes)
     */
    public SseEmitter commands(Collection<String> commandIds, Function<String, Optional<?>> stored,
                               Function<CommandOutcome, Object> view) {
        Set<String> ids = bound(commandIds);
        Subscriber subscriber = open(new Subscriber(emitter(), "outcome", null, ids, view));
        for (String id : ids) {
            CommandOutcome recent;
            synchronized (recentOutcomes) {
                recent = recentOutcomes.get(id);
            }
            Optional<?> current = recent != null ? Optional.of(view.apply(recent)) : stored.apply(id);
            current.ifPresent(shown -> send(subscriber, "outcome", shown));
        }
        return subscriber.emitter();
    }

    /** Every stock level change (events named {@code stock}). */
    public SseEmitter stock() {
        return open(new Subscriber(emitter(), "stock", null, null, null)).emitter();
    }

    /** Where an item's stock stands: its {@code version} grows with every change (see the read model). */
    public record StockState(String sku, long version) {
    }

    /**
     * Stock level changes of the given SKUs (events named {@code stock}), preceded by each SKU's current stock
     * version (events named {@code stock-state}), so a page rendered at an older version knows to refresh.
     */
    public SseEmitter stock(Collection<String> skus, java.util.function.ToLongFunction<String> version) {
        Set<String> ids = bound(skus);
        Subscriber subscriber = open(new Subscriber(emitter(), "stock", null, ids, null));
        ids.forEach(sku -> send(subscriber, "stock-state", new StockState(sku, version.applyAsLong(sku))));
        return subscriber.emitter();
    }

    private static SseEmitter emitter() {
        return new SseEmitter(STREAM_LIFETIME.toMillis());
    }

    private Subscriber open(Subscriber subscriber) {
        while (subscribers.size() >= STREAMS_MAX) {
            Subscriber oldest = subscribers.removeFirst();
            oldest.emitter().complete();
        }
        SseEmitter emitter = subscriber.emitter();
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
        }
        return subscriber;
    }

    /** Pushes an event to the streams that want it; events that no stream shows are ignored. */
    public void publish(Event event) {
        switch (event) {
            case CommandOutcome outcome -> {
                synchronized (recentOutcomes) {
                    recentOutcomes.put(outcome.commandId(), outcome);
                }
                for (Subscriber subscriber : subscribers) {
                    if (subscriber.wants("outcome", null, outcome.commandId())) {
                        send(subscriber, "outcome", subscriber.view().apply(outcome));
                    }
                }
            }
            case StockChanged e -> send("stock", null, e.sku(), new StockUpdate(e.sku(), e.location(),
                    e.levels().onHand(), e.levels().reserved(), e.levels().available(), e.version()));
            case OrderConfirmed e -> order(e.customer(), new OrderUpdate(e.orderId(), OrderStatus.CONFIRMED,
                    e.version(), e.occurredAt(), null));
            case OrderRejected e -> order(e.customer(), new OrderUpdate(e.orderId(), OrderStatus.REJECTED,
                    e.version(), e.occurredAt(), e.lines().stream().map(l -> l.sku() + ": " + l.reason())
                    .reduce((a, b) -> a + ", " + b).orElse(null)));
            case OrderCancelled e -> order(e.customer(), new OrderUpdate(e.orderId(), OrderStatus.CANCELLED,
                    e.version(), e.occurredAt(), e.reason()));
            case OrderFulfilled e -> order(e.customer(), new OrderUpdate(e.orderId(), OrderStatus.FULFILLED,
                    e.version(), e.occurredAt(), null));
            default -> {
            }
        }
    }

    private void order(String customer, OrderUpdate update) {
        synchronized (recentOrders) {
            RecentOrder held = recentOrders.get(update.orderId());
            if (held == null || held.update().version() < update.version()) {
                recentOrders.put(update.orderId(), new RecentOrder(customer, update));
            }
        }
        send("order", customer, update.orderId(), update);
    }

    private void send(String topic, String customer, String id, Object data) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(topic, customer, id)) {
                send(subscriber, topic, data);
            }
        }
    }

    private void send(Subscriber subscriber, String topic, Object data) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(topic).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
            log.debug("Dropped a live stream: {}", e.toString());
        }
    }

    /** Keeps idle connections open through proxies and finds dead ones. */
    @Scheduled(fixedDelayString = "${stockroom.producer.live.heartbeat:15s}")
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    /**
     * Ends every open stream, so a graceful shutdown does not wait out long-lived connections (browsers reconnect to
     * another instance by themselves).
     */
    public void closeAll() {
        for (Subscriber subscriber : subscribers) {
            subscribers.remove(subscriber);
            try {
                subscriber.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("Stream already closed: {}", e.toString());
            }
        }
    }

    public int openStreams() {
        return subscribers.size();
    }

    private static Set<String> bound(Collection<String> ids) {
        if (ids.size() > FOLLOWED_IDS_MAX) {
            throw new IllegalArgumentException("a stream follows at most " + FOLLOWED_IDS_MAX + " ids");
        }
        return Set.copyOf(ids);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1_024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > RECENT_MAX;
            }
        };
    }
}
