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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent event streams fed by this instance's live queue: a shopper's order status, admins' command outcomes,
 * and stock levels. Subscribers are bounded in number and time; a dead connection is dropped on the next send.
 */
public final class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Upper bound on open streams per instance; beyond it the oldest stream is closed. */
    public static final int STREAMS_MAX = 2_000;
    public static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    /** What an order stream sends: enough to update a status badge without a reload. */
    public record OrderUpdate(String orderId, OrderStatus status, long version, Instant at, String detail) {
    }

    /** What a stock stream sends. */
    public record StockUpdate(String sku, String location, int onHand, int reserved, int available, long version) {
    }

    private record Subscriber(SseEmitter emitter, String username, Set<String> topics) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Order status changes of {@code username}'s orders (events named {@code order}). */
    public SseEmitter orders(String username) {
        return subscribe(username, Set.of("order"));
    }

    /** Every command outcome (events named {@code outcome}); callers must check the ADMIN role. */
    public SseEmitter commandOutcomes() {
        return subscribe(null, Set.of("outcome"));
    }

    /** Every stock level change (events named {@code stock}). */
    public SseEmitter stock() {
        return subscribe(null, Set.of("stock"));
    }

    private SseEmitter subscribe(String username, Set<String> topics) {
        while (subscribers.size() >= STREAMS_MAX) {
            Subscriber oldest = subscribers.removeFirst();
            oldest.emitter().complete();
        }
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Subscriber subscriber = new Subscriber(emitter, username, topics);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    /** Pushes an event to the streams that want it; events that no stream shows are ignored. */
    public void publish(Event event) {
        switch (event) {
            case CommandOutcome outcome -> send("outcome", null, outcome);
            case StockChanged e -> send("stock", null, new StockUpdate(e.sku(), e.location(), e.levels().onHand(),
                    e.levels().reserved(), e.levels().available(), e.version()));
            case OrderConfirmed e -> send("order", e.customer(), new OrderUpdate(e.orderId(), OrderStatus.CONFIRMED,
                    e.version(), e.occurredAt(), null));
            case OrderRejected e -> send("order", e.customer(), new OrderUpdate(e.orderId(), OrderStatus.REJECTED,
                    e.version(), e.occurredAt(), e.lines().stream().map(l -> l.sku() + ": " + l.reason())
                    .reduce((a, b) -> a + ", " + b).orElse(null)));
            case OrderCancelled e -> send("order", e.customer(), new OrderUpdate(e.orderId(), OrderStatus.CANCELLED,
                    e.version(), e.occurredAt(), e.reason()));
            case OrderFulfilled e -> send("order", e.customer(), new OrderUpdate(e.orderId(), OrderStatus.FULFILLED,
                    e.version(), e.occurredAt(), null));
            default -> {
            }
        }
    }

    private void send(String topic, String username, Object data) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.topics().contains(topic)
                    && (username == null || username.equals(subscriber.username()))) {
                try {
                    subscriber.emitter().send(SseEmitter.event().name(topic).data(data, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(subscriber);
                    log.debug("Dropped a live stream: {}", e.toString());
                }
            }
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
}
