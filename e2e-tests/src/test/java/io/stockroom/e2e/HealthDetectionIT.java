package io.stockroom.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer dies: the health service must say so within 5 s while commands wait in its queue; the consumer comes
 * back: UP within 5 s and every waiting command is applied, even one for an item created while it was down, however
 * long it was down. Detection times are printed for the closing note.
 */
class HealthDetectionIT {

    private static final Duration DETECTION_MAX = Duration.ofSeconds(5);
    /** {@code stockroom.stock.item-arrival-grace}, left at its default by the stack. */
    private static final Duration ITEM_ARRIVAL_GRACE = Duration.ofSeconds(10);

    private static Stack stack;
    private static Api admin;
    private static Api health;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.get();
        admin = Api.as(stack.producerUrl(), stack.adminUsername(), stack.adminPassword());
        health = Api.as(stack.healthUrl(), HealthWiring.VIEWER, HealthWiring.VIEWER_PASSWORD);
    }

    private static JsonNode service(String name) {
        for (JsonNode service : health.get("/api/health").body().path("services")) {
            if (name.equals(service.path("name").asString())) {
                return service;
            }
        }
        throw new AssertionError("the health service does not monitor " + name);
    }

    private static Duration awaitState(String name, String state, Duration atMost) {
        long start = System.nanoTime();
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(service(name).path("state").asString()));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void a_killed_consumer_is_reported_down_within_5_s_and_up_within_5_s_after_restart_with_nothing_lost() {
        for (String name : List.of(Stack.PRODUCER, Stack.ITEMS, Stack.STOCK, Stack.ORDERS)) {
            awaitState(name, "UP", Duration.ofSeconds(30));
        }
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "HC-" + suffix;
        String sku = "HC-WATCH-" + suffix;
        admin.command("/api/locations", Map.of("code", location, "name", "Health check store", "type", "STORE",
                "priority", 3));

        stack.service(Stack.STOCK).kill();
        Duration down = awaitState(Stack.STOCK, "DOWN", Duration.ofSeconds(30));
        System.out.printf("[e2e] stock-management-consumer killed -> health DOWN after %d ms%n", down.toMillis());
        // Created while stock management is down: the item's event waits in its queue with the receipts below.
        admin.command("/api/items", Map.of("sku", sku, "name", "Watched", "brand", "Casio", "category", "watches",
                "price", Map.of("amount", "1500.00", "currency", "INR"), "attributes", Map.of(),
                "lowStockThreshold", 0));

        List<String> waiting = List.of(1, 2, 3).stream().map(n -> admin.post("/api/stock/" + sku + "/" + location
                + "/receive", Map.of("quantity", n))).map(r -> r.body().get("commandId").asString()).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> service(Stack.STOCK).path("queueStats").path("ready")
                .asLong() >= waiting.size());
        // Down for longer than the grace a command gives a missing item (10 s): the receipts must still wait for the
        // item's event rather than be refused as for an unknown item.
        Faults.pause(ITEM_ARRIVAL_GRACE.plusSeconds(1));

        ServiceProcess restarted = stack.restart(Stack.STOCK);
        assertThat(restarted.healthy()).isTrue();
        Duration up = awaitState(Stack.STOCK, "UP", Duration.ofSeconds(30));
        System.out.printf("[e2e] stock-management-consumer healthy again -> health UP after %d ms%n", up.toMillis());

        for (String commandId : waiting) {
            assertThat(admin.awaitJson("/api/commands/" + commandId,
                    c -> !"PENDING".equals(c.get("status").asString())).get("status").asString()).isEqualTo("APPLIED");
        }
        JsonNode item = admin.awaitJson("/api/items/" + sku, i -> i.get("stock").size() == 1
                && i.get("stock").get(0).get("onHand").asInt() == 6);
        assertThat(item.get("stock").get(0).get("available").asInt()).isEqualTo(6);
        JsonNode history = health.get("/api/health/transitions?service=" + Stack.STOCK).body();
        assertThat(history.toString()).contains("DOWN");
        assertThat(down).isLessThanOrEqualTo(DETECTION_MAX);
        assertThat(up).isLessThanOrEqualTo(DETECTION_MAX);
    }
}
