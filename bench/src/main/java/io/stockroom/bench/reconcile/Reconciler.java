package io.stockroom.bench.reconcile;

import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.api.StockroomApi;
import io.stockroom.bench.load.TrackedOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Fetches every accepted order's record as its shopper ({@code GET /api/orders/{id}}), with bounded concurrency. The
 * records are kept from events too, a moment behind the live streams, so orders not terminal yet are fetched again
 * until {@code patience} runs out.
 */
public final class Reconciler {

    private static final int CONCURRENCY = 32;
    private static final Duration REFETCH_PAUSE = Duration.ofMillis(500);
    private static final int TRANSIT_ATTEMPTS = 3;

    private final StockroomApi api;
    private final List<Credentials> shoppers;

    public Reconciler(StockroomApi api, List<Credentials> shoppers) {
        this.api = api;
        this.shoppers = List.copyOf(shoppers);
    }

    public Reconciliation reconcile(List<TrackedOrder> orders, Duration patience) throws InterruptedException {
        Map<String, OrderState> states = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + patience.toNanos();
        List<TrackedOrder> pending = orders;
        while (true) {
            fetchAll(pending, states);
            pending = pending.stream().filter(o -> !states.get(o.orderId()).settled()).toList();
            if (pending.isEmpty() || System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(REFETCH_PAUSE);
        }
        return Reconciliation.of(orders, states);
    }

    private void fetchAll(List<TrackedOrder> orders, Map<String, OrderState> states) throws InterruptedException {
        Semaphore slots = new Semaphore(CONCURRENCY);
        try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (TrackedOrder order : orders) {
                slots.acquire();
                futures.add(fetchers.submit(() -> {
                    try {
                        states.put(order.orderId(), fetch(order));
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
        }
    }

    /** A read is safe to repeat: a call that failed in transit is tried again before it counts as no answer. */
    private OrderState fetch(TrackedOrder order) throws InterruptedException {
        OrderState state = fetchOnce(order);
        for (int attempt = 1; attempt < TRANSIT_ATTEMPTS && state.failure() != null; attempt++) {
            Thread.sleep(REFETCH_PAUSE);
            state = fetchOnce(order);
        }
        return state;
    }

    private OrderState fetchOnce(TrackedOrder order) throws InterruptedException {
        try {
            StockroomApi.Answer answer = api.send("GET", "/api/orders/" + order.orderId(),
                    shoppers.get(order.shopper()), null, Map.of());
            if (answer.status() != 200) {
                return new OrderState(answer.status(), null, 0);
            }
            JsonNode record = api.json().readTree(answer.body());
            int terminal = 0;
            for (JsonNode change : record.path("history")) {
                String status = change.path("status").asString("");
                if (status.equals("CONFIRMED") || status.equals("REJECTED")) {
                    terminal++;
                }
            }
            return new OrderState(200, record.path("status").asString(null), terminal);
        } catch (IOException | RuntimeException e) {
            return OrderState.noAnswer(e);
        }
    }
}
