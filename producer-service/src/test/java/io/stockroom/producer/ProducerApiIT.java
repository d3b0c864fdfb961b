package io.stockroom.producer;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProducerApiIT extends ProducerIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void a_request_without_credentials_gets_a_401_problem() {
        ApiClient.Response response = api().get("/api/items", null, null);

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void a_shopper_is_refused_every_admin_endpoint() {
        String shopper = shopper();
        String sku = sku();
        List<String[]> adminCalls = List.of(
                new String[]{"POST", "/api/items", "{}"},
                new String[]{"PUT", "/api/items/" + sku, "{}"},
                new String[]{"DELETE", "/api/items/" + sku, null},
                new String[]{"GET", "/api/items/" + sku + "/movements", null},
                new String[]{"POST", "/api/locations", "{}"},
                new String[]{"POST", "/api/locations/WH1/deactivate", null},
                new String[]{"POST", "/api/locations/WH1/reactivate", null},
                new String[]{"POST", "/api/stock/" + sku + "/WH1/receive", "{\"quantity\":1}"},
                new String[]{"POST", "/api/stock/" + sku + "/WH1/adjust", "{}"},
                new String[]{"POST", "/api/stock/" + sku + "/WH1/count", "{}"},
                new String[]{"DELETE", "/api/stock/" + sku + "/WH1", null},
                new String[]{"POST", "/api/stock/" + sku + "/WH1/threshold", "{}"},
                new String[]{"POST", "/api/stock/transfers", "{}"},
                new String[]{"POST", "/api/stock/audits", null},
                new String[]{"GET", "/api/stock/alerts", null},
                new String[]{"GET", "/api/admin/actions", null},
                new String[]{"GET", "/api/commands/stream", null},
                new String[]{"POST", "/api/imports/items", "sku,name"},
                new String[]{"POST", "/api/orders/ord-x/fulfil", null});
        for (String[] call : adminCalls) {
            ApiClient.Response response = api().send(call[0], call[1], shopper, PASSWORD,
                    call[1].contains("imports") ? "text/csv" : "application/json", call[2]);
            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(response.header("Content-Type")).as(call[1]).startsWith("application/problem+json");
        }
    }

    @Test
    void a_shopper_reading_or_cancelling_another_shoppers_order_gets_404() {
        String owner = shopper();
        String other = shopper();
        ApiClient.Response placed = api().postJson("/api/orders", owner, PASSWORD,
                "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}", "Idempotency-Key", "key-" + UUID.randomUUID());
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().get("orderId").asString();

        assertThat(api().get("/api/orders/" + orderId, owner, PASSWORD).status()).isEqualTo(200);
        assertProblem(api().get("/api/orders/" + orderId, other, PASSWORD), 404);
        assertProblem(api().postJson("/api/orders/" + orderId + "/cancel", other, PASSWORD, null), 404);
        assertThat(api().get("/api/orders", other, PASSWORD).json().size()).isZero();
    }

    @Test
    void bad_bodies_get_400_problems_naming_the_field() {
        String sku = sku();
        ApiClient.Response unknown = api().postJson("/api/stock/" + sku + "/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":5,\"onHand\":1000}");
        assertProblem(unknown, 400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("onHand");

        ApiClient.Response wrongType = api().postJson("/api/stock/" + sku + "/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":\"many\"}");
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");

        ApiClient.Response fraction = api().postJson("/api/stock/" + sku + "/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":1.5}");
        assertProblem(fraction, 400);

        ApiClient.Response negative = api().postJson("/api/stock/" + sku + "/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":-3}");
        assertProblem(negative, 400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");

        ApiClient.Response badPrice = api().postJson("/api/items", ADMIN, ADMIN_PASSWORD, "{\"sku\":\"" + sku
                + "\",\"name\":\"Diver\",\"brand\":\"Acme\",\"category\":\"watch\",\"price\":{\"amount\":\"19.999\","
                + "\"currency\":\"EUR\"},\"lowStockThreshold\":2}");
        assertProblem(badPrice, 400);
        assertThat(badPrice.json().get("detail").asString()).contains("decimal places");

        ApiClient.Response badSku = api().postJson("/api/stock/lower-case/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":1}");
        assertProblem(badSku, 400);

        ApiClient.Response oversized = api().postJson("/api/stock/" + sku + "/WH1/receive", ADMIN, ADMIN_PASSWORD,
                "{\"quantity\":1,\"note\":\"" + "x".repeat(5_000) + "\"}");
        assertProblem(oversized, 413);

        assertThat(mongo.getCollection("admin_actions").countDocuments(new Document("subject", sku + "@WH1")))
                .as("nothing invalid was recorded or sent").isZero();
    }

    @Test
    void a_body_without_a_declared_length_is_cut_off_at_the_ceiling() throws Exception {
        byte[] body = ("{\"quantity\":1,\"note\":\"" + "y".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/stock/" + sku() + "/WH1/receive"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void unknown_paths_and_wrong_methods_are_problems_too() {
        assertProblem(api().get("/api/no-such-thing", ADMIN, ADMIN_PASSWORD), 404);
        assertProblem(api().send("PATCH", "/api/items", ADMIN, ADMIN_PASSWORD, "application/json", "{}"), 405);
        assertProblem(api().send("POST", "/api/orders", ADMIN, ADMIN_PASSWORD, "application/json",
                "{\"lines\":[{\"sku\":\"A1\",\"quantity\":1}]}"), 400);
    }

    @Test
    void the_same_idempotency_key_places_one_order_and_a_retry_resends_the_first_command_unchanged() {
        String shopper = shopper();
        String key = "retry-" + UUID.randomUUID();
        String sku = sku();
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2,\"location\":\"WH1\"}]}";
        String changed = body.replace("\"quantity\":2", "\"quantity\":5");

        ApiClient.Response first = api().postJson("/api/orders", shopper, PASSWORD, body, "Idempotency-Key", key);
        ApiClient.Response retry = api().postJson("/api/orders", shopper, PASSWORD, changed, "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        String orderId = first.json().get("orderId").asString();
        assertThat(retry.json().get("orderId").asString()).isEqualTo(orderId);
        assertThat(first.json().get("status").asString()).isEqualTo("PLACED");
        // Unsettled, so the retry sends the command again (the consumer places an order id once), and it is the
        // first request's command: a retry cannot change an order.
        List<String> sent = placeOrderMessagesFor(orderId);
        assertThat(sent).hasSize(2).containsOnly(sent.getFirst());
        assertThat(sent.getFirst()).contains("\"quantity\":2");
        JsonNode order = api().get("/api/orders/" + orderId, shopper, PASSWORD).json();
        assertThat(order.get("customer").asString()).isEqualTo(shopper);
        assertThat(order.get("history").get(0).get("status").asString()).isEqualTo("PLACED");
    }

    /** Drains the order command queue of this test's vhost (no order consumer runs here): one order's bodies. */
    private List<String> placeOrderMessagesFor(String orderId) {
        List<String> bodies = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(Topology.ORDER_COMMANDS_QUEUE, 1_000)) != null) {
            String text = new String(message.getBody(), StandardCharsets.UTF_8);
            if (MessageType.PLACE_ORDER.routingKey().equals(message.getMessageProperties().getType())
                    && text.contains(orderId)) {
                bodies.add(text);
            }
        }
        return bodies;
    }

    @Test
    void placing_too_many_orders_gets_429_with_retry_after() {
        String shopper = shopper();
        String body = "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}";
        for (int i = 0; i < 3; i++) {
            assertThat(api().postJson("/api/orders", shopper, PASSWORD, body, "Idempotency-Key",
                    "burst-" + i + "-" + UUID.randomUUID()).status()).isEqualTo(202);
        }

        ApiClient.Response limited = api().postJson("/api/orders", shopper, PASSWORD, body, "Idempotency-Key",
                "burst-4-" + UUID.randomUUID());

        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(api().postJson("/api/orders", shopper(), PASSWORD, body, "Idempotency-Key",
                "other-user-" + UUID.randomUUID()).status()).as("another user is not limited").isEqualTo(202);
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_even_for_the_right_password() {
        String shopper = shopper();
        for (int i = 0; i < 3; i++) {
            assertProblem(api().get("/api/items", shopper, "wrong-password-" + i), 401);
        }

        ApiClient.Response locked = api().get("/api/items", shopper, PASSWORD);

        assertProblem(locked, 429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(api().get("/api/items", shopper(), PASSWORD).status()).as("other accounts still work")
                .isEqualTo(200);
    }

    @Test
    void a_command_turns_applied_when_its_outcome_event_arrives() {
        ApiClient.Response accepted = api().postJson("/api/locations", ADMIN, ADMIN_PASSWORD,
                "{\"code\":\"DS-" + (System.nanoTime() % 100_000) + "\",\"name\":\"Dark store\",\"type\":\"DARK_STORE\","
                        + "\"priority\":2}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String commandId = accepted.json().get("commandId").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/commands/" + commandId);
        JsonNode pending = api().get("/api/commands/" + commandId, ADMIN, ADMIN_PASSWORD).json();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("actor").asString()).isEqualTo(ADMIN);

        publishEvent(MessageType.COMMAND_OUTCOME, CommandOutcome.applied(commandId, MessageType.CREATE_LOCATION,
                "DS", "registered", Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api()
                .get("/api/commands/" + commandId, ADMIN, ADMIN_PASSWORD).json().get("status").asString())
                .isEqualTo("APPLIED"));
        publishEvent(MessageType.COMMAND_OUTCOME, CommandOutcome.rejected(commandId, MessageType.CREATE_LOCATION,
                "DS", RejectionCode.UNKNOWN_LOCATION, "a repeated outcome changes nothing", Instant.now()));
        assertThat(api().get("/api/admin/actions?size=100", ADMIN, ADMIN_PASSWORD).json().get("items")
                .valueStream().anyMatch(a -> a.get("commandId").asString().equals(commandId))).isTrue();
    }

    @Test
    void an_order_view_follows_order_events_and_ignores_stale_ones() throws Exception {
        String shopper = shopper();
        String sku = sku();
        String orderId = api().postJson("/api/orders", shopper, PASSWORD,
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "Idempotency-Key", "ev-" + UUID.randomUUID())
                .json().get("orderId").asString();

        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper,
                List.of(new AllocatedLine(0, sku, "WH1", 1)), 2, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api()
                .get("/api/orders/" + orderId, shopper, PASSWORD).json().get("status").asString())
                .isEqualTo("CONFIRMED"));

        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper,
                List.of(new AllocatedLine(0, sku, "OLD", 1)), 1, Instant.now()));
        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper,
                List.of(new AllocatedLine(0, sku, "WH1", 1)), 2, Instant.now()));
        // Nothing observable should happen; give the stale events time to be (not) applied.
        Thread.sleep(2_000);

        JsonNode order = api().get("/api/orders/" + orderId, shopper, PASSWORD).json();
        assertThat(order.get("version").asLong()).isEqualTo(2);
        assertThat(order.get("lines").get(0).get("location").asString()).isEqualTo("WH1");
        assertThat(order.get("history").size()).as("a stale or repeated event adds no history").isEqualTo(2);
    }

    @Test
    void the_read_side_follows_item_and_stock_events() {
        String sku = sku();
        ItemDetails details = new ItemDetails("Seamaster " + sku, "Omegax", "diver", new Money(new BigDecimal("4999.00"),
                "EUR"), Map.of("movement", "automatic"), 3);
        publishEvent(MessageType.ITEM_CREATED, new ItemCreated(sku, details, 1, Instant.now()));
        publishEvent(MessageType.STOCK_CHANGED, new StockChanged(sku, "WH1", StockLevels.of(10, 2), 3, 5,
                "op-" + UUID.randomUUID(), MovementKind.RECEIVED, Instant.now()));
        publishEvent(MessageType.STOCK_CHANGED, new StockChanged(sku, "WH1", StockLevels.of(1, 0), 3, 4,
                "op-stale", MovementKind.RECEIVED, Instant.now()));
        String shopper = shopper();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiClient.Response item = api().get("/api/items/" + sku, shopper, PASSWORD);
            assertThat(item.status()).isEqualTo(200);
            JsonNode stock = item.json().get("stock").get(0);
            assertThat(stock.get("available").asInt()).isEqualTo(8);
            assertThat(stock.get("version").asLong()).isEqualTo(5);
            assertThat(item.json().get("availability").asString()).isEqualTo("IN_STOCK");
        });
        JsonNode search = api().get("/api/items?q=seamaster%20" + sku.toLowerCase() + "&sort=-price&size=5", shopper,
                PASSWORD).json();
        assertThat(search.get("total").asLong()).isEqualTo(1);
        assertThat(search.get("items").get(0).get("sku").asString()).isEqualTo(sku);
        assertProblem(api().get("/api/items?size=1000", shopper, PASSWORD), 400);
    }

    @Test
    void the_read_side_bootstraps_from_stored_documents_without_overwriting_newer_state() throws Exception {
        String sku = sku();
        mongo.getCollection("items").insertOne(new Document("_id", sku).append("details",
                        new Document("name", "Stored " + sku).append("brand", "Tissotx").append("category", "dress")
                                .append("price", new Document("amount", new Decimal128(new BigDecimal("350.00")))
                                        .append("currency", "EUR"))
                                .append("attributes", new Document()).append("lowStockThreshold", 5))
                .append("version", 2L).append("deleted", false));
        mongo.getCollection("locations").insertOne(new Document("_id", "BOOT1").append("name", "Boot warehouse")
                .append("type", "WAREHOUSE").append("priority", 1).append("active", true).append("version", 1L));
        mongo.getCollection("stock_levels").insertOne(new Document("_id", sku + "@BOOT1").append("sku", sku)
                .append("location", "BOOT1").append("onHand", 4).append("reserved", 0).append("available", 4)
                .append("lowStockThreshold", 5).append("version", 3L));

        readSideBootstrap.run(null);

        String shopper = shopper();
        JsonNode item = api().get("/api/items/" + sku, shopper, PASSWORD).json();
        assertThat(item.get("name").asString()).isEqualTo("Stored " + sku);
        assertThat(item.get("price").get("amount").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(item.get("availability").asString()).isEqualTo("LOW");
        assertThat(item.get("stock").get(0).get("onHand").asInt()).isEqualTo(4);
        assertThat(api().get("/api/locations", shopper, PASSWORD).json().valueStream()
                .anyMatch(l -> l.get("code").asString().equals("BOOT1"))).isTrue();
        JsonNode alerts = api().get("/api/stock/alerts", ADMIN, ADMIN_PASSWORD).json();
        assertThat(alerts.valueStream().anyMatch(a -> a.get("sku").asString().equals(sku))).isTrue();

        publishEvent(MessageType.STOCK_CHANGED, new StockChanged(sku, "BOOT1", StockLevels.of(40, 0), 5, 9,
                "op-" + UUID.randomUUID(), MovementKind.RECEIVED, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api().get("/api/items/" + sku, shopper,
                PASSWORD).json().get("stock").get(0).get("onHand").asInt()).isEqualTo(40));
        readSideBootstrap.run(null);
        assertThat(api().get("/api/items/" + sku, shopper, PASSWORD).json().get("stock").get(0).get("onHand").asInt())
                .as("an older stored version does not overwrite a newer event").isEqualTo(40);
    }

    @Test
    void a_location_is_edited_by_its_code() {
        ApiClient.Response accepted = api().send("PUT", "/api/locations/WH-EDIT", ADMIN, ADMIN_PASSWORD,
                "application/json", "{\"name\":\"Main warehouse\",\"type\":\"WAREHOUSE\",\"priority\":2}");
        ApiClient.Response bad = api().send("PUT", "/api/locations/WH-EDIT", ADMIN, ADMIN_PASSWORD,
                "application/json", "{\"name\":\"\",\"type\":\"CASTLE\",\"priority\":2}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String commandId = accepted.json().get("commandId").asString();
        assertThat(api().get("/api/commands/" + commandId, ADMIN, ADMIN_PASSWORD).json().get("commandType")
                .asString()).isEqualTo("location.update");
        assertProblem(bad, 400);
    }

    @Test
    void a_csv_import_sends_valid_rows_once_and_reports_bad_rows() {
        String sku = sku();
        String csv = "sku,name,brand,category,price,currency,lowStockThreshold,location,quantity\n"
                + sku + ",Imported diver,Seikox,diver,299.00,EUR,2,WH1,5\n"
                + "bad sku,Broken,Seikox,diver,299.00,EUR,2,,\n"
                + sku + "-2,Cheap,Seikox,diver,1.999,EUR,2,,\n";

        ApiClient.Response check = api().send("POST", "/api/imports/items?dryRun=true", ADMIN, ADMIN_PASSWORD,
                "text/csv", csv);
        JsonNode checked = check.json().get("rows").get(0);
        assertThat(checked.get("status").asString()).isEqualTo("REJECTED");
        assertThat(checked.get("errors").get(0).asString())
                .as("a check asks the read side: no location WH1 is known here").contains("no location WH1");
        assertThat(checked.get("commandId") == null || checked.get("commandId").isNull()).as("nothing sent").isTrue();

        ApiClient.Response first = api().send("POST", "/api/imports/items", ADMIN, ADMIN_PASSWORD, "text/csv", csv);
        ApiClient.Response retry = api().send("POST", "/api/imports/items", ADMIN, ADMIN_PASSWORD, "text/csv", csv);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(first.json().get("rejected").asInt()).isEqualTo(2);
        JsonNode rows = first.json().get("rows");
        assertThat(rows.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("errors").get(0).asString()).contains("sku");
        assertThat(rows.get(2).get("errors").get(0).asString()).contains("decimal places");
        assertThat(retry.json().get("rows").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(retry.json().get("rows").get(0).get("commandId").asString())
                .isEqualTo(rows.get(0).get("commandId").asString());
    }

    @Test
    void registration_creates_shoppers_and_refuses_taken_names_and_weak_passwords() {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 8);

        ApiClient.Response created = api().postJson("/api/accounts", null, null,
                "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"long-enough-password\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(name);
        assertProblem(api().postJson("/api/accounts", null, null,
                "{\"username\":\"" + name + "\",\"password\":\"long-enough-password\"}"), 409);
        assertProblem(api().postJson("/api/accounts", null, null,
                "{\"username\":\"x" + name + "\",\"password\":\"short\"}"), 400);
        assertProblem(api().postJson("/api/accounts", null, null,
                "{\"username\":\"x" + name + "\",\"password\":\"long-enough-password\",\"roles\":[\"ADMIN\"]}"), 400);
        assertThat(api().get("/api/items", name, "long-enough-password").status()).isEqualTo(200);
        assertProblem(api().postJson("/api/items", name, "long-enough-password", "{}"), 403);
    }

    @Test
    void a_command_the_broker_does_not_take_is_a_503_and_is_logged_as_not_sent() {
        RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
        admin.setApplicationContext(context);
        admin.deleteQueue(Topology.ITEM_COMMANDS_QUEUE);
        String sku = sku();
        try {
            ApiClient.Response refused = api().postJson("/api/items", ADMIN, ADMIN_PASSWORD, "{\"sku\":\"" + sku
                    + "\",\"name\":\"Diver\",\"brand\":\"Acme\",\"category\":\"watch\",\"price\":{\"amount\":"
                    + "\"19.00\",\"currency\":\"EUR\"},\"lowStockThreshold\":2}");

            assertProblem(refused, 503);
            assertThat(refused.header("Retry-After")).isNotNull();
            Document logged = mongo.getCollection("admin_actions").find(new Document("subject", sku)).first();
            assertThat(logged).isNotNull();
            assertThat(logged.getString("status")).isEqualTo("REJECTED");
            assertThat(logged.getString("reasonCode")).isEqualTo("NOT_SENT");
        } finally {
            admin.initialize();
        }
    }

    @Test
    void health_readiness_and_domain_metrics_are_exposed() {
        String shopper = shopper();
        api().postJson("/api/orders", shopper, PASSWORD, "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}",
                "Idempotency-Key", "metrics-" + UUID.randomUUID());
        assertThat(api().postJson("/api/stock/audits", ADMIN, ADMIN_PASSWORD, null).status()).isEqualTo(202);

        ApiClient.Response readiness = api().get("/actuator/health/readiness", ACTUATOR, ACTUATOR_PASSWORD);
        ApiClient.Response metrics = api().get("/actuator/prometheus", ACTUATOR, ACTUATOR_PASSWORD);

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("readSideStatus");
        assertThat(metrics.body()).contains("stockroom_producer_orders_placed_total")
                .contains("stockroom_producer_commands_published_total");
    }
}
