package io.stockroom.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke test of the whole system over HTTP: an admin adds a location, an item and stock; a shopper registers and
 * orders; the order ends CONFIRMED and the stock went down by exactly the ordered quantity.
 */
class OrderFlowIT {

    private static Stack stack;
    private static Api admin;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.get();
        admin = Api.as(stack.producerUrl(), stack.adminUsername(), stack.adminPassword());
    }

    @Test
    void an_admin_stocks_an_item_a_shopper_orders_it_and_the_order_is_confirmed_with_stock_reserved() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "WH-" + suffix;
        String sku = "E2E-WATCH-" + suffix;
        assertThat(admin.command("/api/locations", Map.of("code", location, "name", "Pune warehouse",
                "type", "WAREHOUSE", "priority", 1)).get("status").asString()).isEqualTo("APPLIED");
        assertThat(admin.command("/api/items", Map.of("sku", sku, "name", "Presage Cocktail Time",
                "brand", "Seiko", "category", "watches", "price", Map.of("amount", "32500.00", "currency", "INR"),
                "attributes", Map.of("strap", "leather"), "lowStockThreshold", 1)).get("status").asString())
                .isEqualTo("APPLIED");
        assertThat(admin.command("/api/stock/" + sku + "/" + location + "/receive", Map.of("quantity", 5))
                .get("status").asString()).isEqualTo("APPLIED");

        String shopperName = "shopper-" + suffix.toLowerCase();
        String shopperPassword = "correct horse " + suffix;
        Api.Response registered = Api.anonymous(stack.producerUrl()).post("/api/accounts",
                Map.of("username", shopperName, "password", shopperPassword));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        Api shopper = Api.as(stack.producerUrl(), shopperName, shopperPassword);

        Api.Response placed = shopper.post("/api/orders", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 2))),
                Map.of("Idempotency-Key", "e2e-" + suffix));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
        String orderId = placed.body().get("orderId").asString();

        JsonNode order = shopper.awaitJson("/api/orders/" + orderId,
                o -> !"PLACED".equals(o.get("status").asString()));
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode item = shopper.awaitJson("/api/items/" + sku,
                i -> i.get("stock").size() == 1 && i.get("stock").get(0).get("reserved").asInt() == 2);
        JsonNode stock = item.get("stock").get(0);
        assertThat(stock.get("onHand").asInt()).isEqualTo(5);
        assertThat(stock.get("available").asInt()).isEqualTo(3);

        Api.Response again = shopper.post("/api/orders", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 2))),
                Map.of("Idempotency-Key", "e2e-" + suffix));
        assertThat(again.body().get("orderId").asString()).isEqualTo(orderId);
    }

    @Test
    void the_last_unit_goes_to_exactly_one_of_two_shoppers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "DS-" + suffix;
        String sku = "E2E-LAST-" + suffix;
        admin.command("/api/locations", Map.of("code", location, "name", "Dark store", "type", "DARK_STORE",
                "priority", 2));
        admin.command("/api/items", Map.of("sku", sku, "name", "Last one", "brand", "Titan", "category", "watches",
                "price", Map.of("amount", "4999.00", "currency", "INR"), "attributes", Map.of(),
                "lowStockThreshold", 0));
        admin.command("/api/stock/" + sku + "/" + location + "/receive", Map.of("quantity", 1));
        List<Api> shoppers = List.of(register("a" + suffix), register("b" + suffix));

        List<String> statuses = shoppers.parallelStream().map(shopper -> {
            Api.Response placed = shopper.post("/api/orders", Map.of("lines", List.of(Map.of("sku", sku,
                    "quantity", 1))), Map.of("Idempotency-Key", "last-" + UUID.randomUUID()));
            return shopper.awaitJson("/api/orders/" + placed.body().get("orderId").asString(),
                    o -> !"PLACED".equals(o.get("status").asString())).get("status").asString();
        }).toList();

        assertThat(statuses).containsExactlyInAnyOrder("CONFIRMED", "REJECTED");
    }

    private Api register(String name) {
        String username = "shopper-" + name.toLowerCase();
        String password = "long enough " + name;
        Api.anonymous(stack.producerUrl()).post("/api/accounts", Map.of("username", username, "password", password));
        return Api.as(stack.producerUrl(), username, password);
    }
}
