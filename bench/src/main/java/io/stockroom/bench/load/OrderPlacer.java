package io.stockroom.bench.load;

import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.api.StockroomApi;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Places one order as a shopper would: POST /api/orders with a fresh Idempotency-Key. A request that failed in
 * transit, or that the producer could not hand to the broker (503), is retried with the same key, so it can never
 * become a second order; each failure is counted by kind.
 */
public final class OrderPlacer {

    /** Retries of one order after a transport failure or a 503, with the same key. */
    static final int RETRIES_MAX = 2;
    /** Longest pause a Retry-After may impose on a shopper. */
    static final long RETRY_AFTER_MILLIS_MAX = 1_000;

    /** The answer to one placement: an order id (null when it failed) and when it was accepted. */
    public record Placement(String orderId, long acceptedNanos, long retryAfterMillis) {

        public boolean accepted() {
            return orderId != null;
        }
    }

    private final StockroomApi api;
    private final List<Credentials> shoppers;
    private final ErrorCounts errors;

    public OrderPlacer(StockroomApi api, List<Credentials> shoppers, ErrorCounts errors) {
        this.api = api;
        this.shoppers = List.copyOf(shoppers);
        this.errors = errors;
    }

    public int shoppers() {
        return shoppers.size();
    }

    public ErrorCounts errors() {
        return errors;
    }

    /** Places {@code body} (an order's JSON) as shopper {@code shopper}; never throws for a failed request. */
    public Placement place(int shopper, String body) throws InterruptedException {
        Credentials who = shoppers.get(shopper);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        for (int attempt = 0; ; attempt++) {
            boolean retryable;
            long retryAfterMillis = 0;
            try {
                StockroomApi.Answer answer = api.send("POST", "/api/orders", who, body, key);
                if (answer.ok()) {
                    long accepted = System.nanoTime();
                    JsonNode placed = api.json().readTree(answer.body());
                    String orderId = placed.path("orderId").asString(null);
                    if (orderId == null) {
                        errors.count("HTTP " + answer.status() + " without orderId");
                        return new Placement(null, 0, 0);
                    }
                    return new Placement(orderId, accepted, 0);
                }
                errors.count("HTTP " + answer.status());
                retryAfterMillis = Math.min(RETRY_AFTER_MILLIS_MAX,
                        answer.retryAfterSeconds().orElse(0L) * 1_000);
                retryable = answer.status() == 503;
            } catch (IOException e) {
                errors.count(e.getClass().getSimpleName());
                retryable = true;
            }
            if (!retryable || attempt >= RETRIES_MAX) {
                return new Placement(null, 0, retryAfterMillis);
            }
            Thread.sleep(Math.max(retryAfterMillis, 50));
        }
    }

    /** The JSON of a one-line order of {@code quantity} units of {@code sku}, sourced by the system. */
    public static String oneLine(String sku, int quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }
}
