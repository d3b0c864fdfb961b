package io.stockroom.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12: the whole system from its jars, on a RabbitMQ node and a store of its own, under a continuous order load,
 * through kill -9 of the order consumer (5 times), of the stock consumer (twice) and of the producer (once), a broker
 * stop/start and a store restart. Afterwards, from the outside: every accepted order reached CONFIRMED or REJECTED;
 * every stock record reserves exactly the units of its confirmed lines, on hand is what was received, available is
 * on hand minus reserved and never negative; the ledger audit is clean; no Idempotency-Key made two orders; the
 * producer answered 503 with Retry-After, never 500. Recovery times and totals are printed.
 */
class FaultInjectionIT {

    private static final List<String> PLENTIFUL = List.of("FLT-1", "FLT-2", "FLT-3", "FLT-4");
    private static final String SCARCE = "FLT-5";
    private static final List<String> LOCATIONS = List.of("FLT-A", "FLT-B", "FLT-C");
    private static final int PLENTIFUL_UNITS = 1_000;
    private static final int SCARCE_UNITS = 30;
    private static final Duration SETTLE_MAX = Duration.ofSeconds(120);

    private final Map<String, Integer> received = new LinkedHashMap<>();
    private final List<FaultReport.Round> rounds = new ArrayList<>();

    @Test
    void the_system_keeps_its_promises_through_crashes_a_broker_outage_and_a_store_restart() throws Exception {
        Optional<Path> rabbit = PrivateBroker.installation();
        assumeTrue(rabbit.isPresent(), "SKIPPED: rabbitmq-server is not installed; the fault-injection suite runs a "
                + "RabbitMQ node of its own and never touches a shared broker (.ci/run installs it)");
        long started = System.nanoTime();
        Path work = FaultStack.workDirectory().resolve("run-" + System.currentTimeMillis());
        try (PrivateBroker broker = PrivateBroker.start(rabbit.get(), work.resolve("rabbitmq"));
             StoreProcess store = new StoreProcess(work.resolve("store.mv"), PrivateBroker.freePort()).start();
             FaultStack stack = new FaultStack(broker.amqpPort(), store.uri("stockroom")).start()) {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);
            Api admin = Api.as(stack.url(Stack.PRODUCER), stack.admin, stack.adminPassword);
            stockTheCatalogue(admin);
            List<OrderLoad.Shopper> shoppers = register(stack, 6);
            OrderLoad.Shopper prober = register(stack, 1).getFirst();
            OrderLoad load = new OrderLoad(stack.url(Stack.PRODUCER), shoppers, allSkus());
            load.start(3);
            injectFaults(stack, broker, store, load, prober);
            load.phase("draining");
            load.stop();

            FaultReport report = verify(load, admin, store);
            report.print(startUp, rounds, Duration.ofNanos(System.nanoTime() - started));
            report.assertKept();
        }
    }

    private void injectFaults(FaultStack stack, PrivateBroker broker, StoreProcess store, OrderLoad load,
                              OrderLoad.Shopper prober) {
        Faults faults = new Faults(stack, load, prober, rounds);
        faults.kill(Stack.ORDERS);
        faults.kill(Stack.ORDERS, Stack.STOCK);
        faults.kill(Stack.PRODUCER);
        faults.kill(Stack.ORDERS);
        faults.round("broker stop_app/start_app", "broker down", () -> {
            broker.stopApp();
            Faults.pause(Duration.ofSeconds(3)); // an outage the load must ride through, not an assertion
            broker.startApp();
        });
        faults.kill(Stack.ORDERS, Stack.STOCK);
        faults.round("store restart", "store restarting", store::restart);
        faults.kill(Stack.ORDERS);
    }

    private void stockTheCatalogue(Api admin) {
        for (int i = 0; i < LOCATIONS.size(); i++) {
            applied(admin.command("/api/locations", Map.of("code", LOCATIONS.get(i), "name", "Fault store " + i,
                    "type", "WAREHOUSE", "priority", i + 1)));
        }
        for (String sku : allSkus()) {
            applied(admin.command("/api/items", Map.of("sku", sku, "name", "Fault watch " + sku, "brand", "Faultco",
                    "category", "watches", "price", Map.of("amount", "100.00", "currency", "EUR"),
                    "attributes", Map.of(), "lowStockThreshold", 0)));
        }
        for (String sku : PLENTIFUL) {
            for (String location : LOCATIONS) {
                receive(admin, sku, location, PLENTIFUL_UNITS);
            }
        }
        receive(admin, SCARCE, LOCATIONS.getLast(), SCARCE_UNITS);
    }

    private void receive(Api admin, String sku, String location, int units) {
        applied(admin.command("/api/stock/" + sku + "/" + location + "/receive", Map.of("quantity", units)));
        received.put(sku + "@" + location, units);
    }

    private static void applied(JsonNode outcome) {
        assertThat(outcome.get("status").asString()).as(outcome.toString()).isEqualTo("APPLIED");
    }

    private static List<String> allSkus() {
        List<String> skus = new ArrayList<>(PLENTIFUL);
        skus.add(SCARCE);
        return skus;
    }

    private static List<OrderLoad.Shopper> register(FaultStack stack, int count) {
        List<OrderLoad.Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "fault-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "fault shopper " + name;
            Api.Response created = Api.anonymous(stack.url(Stack.PRODUCER)).post("/api/accounts",
                    Map.of("username", name, "password", password));
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            shoppers.add(new OrderLoad.Shopper(name, password));
        }
        return shoppers;
    }

    /** Waits for every accepted order to settle, then compares the stock, the ledger and the orders with it. */
    private FaultReport verify(OrderLoad load, Api admin, StoreProcess store) {
        Map<String, JsonNode> settled = Faults.awaitSettled(load, SETTLE_MAX);
        Map<String, Integer> reservedByRecord = new HashMap<>();
        for (JsonNode order : settled.values()) {
            if ("CONFIRMED".equals(order.path("status").asString())) {
                for (JsonNode line : order.path("lines")) {
                    reservedByRecord.merge(line.path("sku").asString() + "@" + line.path("location").asString(),
                            line.path("quantity").asInt(), Integer::sum);
                }
            }
        }
        JsonNode audit = admin.command("/api/stock/audits", Map.of());
        try (MongoClient client = MongoClients.create(store.uri("stockroom"))) {
            MongoDatabase database = client.getDatabase("stockroom");
            Map<String, Document> records = new LinkedHashMap<>();
            received.keySet().forEach(id -> records.put(id, database.getCollection("stock_levels")
                    .find(Filters.eq("_id", id)).first()));
            List<String> customers = load.accepted.values().stream().map(a -> a.shopper().username()).distinct()
                    .collect(Collectors.toList());
            long stored = database.getCollection("orders").countDocuments(Filters.in("customer", customers));
            return new FaultReport(load, settled, received, reservedByRecord, records, stored, audit);
        }
    }
}
