package io.stockroom.order;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.OrderStore;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.WithTestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.stockroom.order.OrderFixtures.ALICE;
import static io.stockroom.order.OrderFixtures.locationCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the order consumer compete on one queue: this test's application context, and a second one
 * started here on the same RabbitMQ vhost and MongoDB database (its own connections, listener container, ledger
 * and metrics), as two deployed instances would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "stockroom.messaging.retry-delay-initial=50ms", "stockroom.messaging.consumers-per-queue=4"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderContentionIT {

    private static final Duration SETTLE_MAX = Duration.ofSeconds(60);
    private static final int PUBLISH_CHUNK = 100;

    @Autowired
    TestEnvironment environment;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StockLedger ledger;
    @Autowired
    OrderStore orders;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MessageJson json;

    @Autowired
    SourcingProjection sourcing;

    private ConfigurableApplicationContext secondInstance;
    private Owners owners;
    /** Stands in for the producer's read side: events are published mandatory, so someone must be subscribed. */
    private EventCollector events;

    @BeforeAll
    void startSecondInstance() {
        events = new EventCollector(connectionFactory, json);
        String[] arguments = Stream.concat(Arrays.stream(environment.propertyArguments()).map(p -> "--" + p),
                Stream.of("--stockroom.messaging.consumers-per-queue=4", "--spring.application.name=order-2",
                        "--stockroom.messaging.retry-delay-initial=50ms")).toArray(String[]::new);
        secondInstance = new SpringApplicationBuilder(OrderProcessingApplication.class)
                .web(WebApplicationType.NONE).run(arguments);
        owners = new Owners(publisher, ledger, List.of(sourcing, secondInstance.getBean(SourcingProjection.class)));
    }

    @AfterAll
    void stopSecondInstance() {
        secondInstance.close();
        events.close();
    }

    @Test
    void a_thousand_shoppers_racing_for_a_hundred_watches_get_exactly_a_hundred() {
        shoppersRaceFor(1_000, 100);
    }

    /** The batch path at scale: batches of up to 200 on each instance, every group refusing exactly what did not fit. */
    @Test
    void ten_thousand_shoppers_racing_for_a_thousand_watches_get_exactly_a_thousand() {
        shoppersRaceFor(10_000, 1_000);
    }

    private void shoppersRaceFor(int orderCount, int units) {
        String sku = OrderFixtures.sku();
        String warehouse = locationCode("WH");
        owners.item(sku);
        owners.location(warehouse, 1, true);
        owners.receive(sku, warehouse, units);
        // Half name the warehouse, half let sourcing find it: both paths race for the same record.
        List<PlaceOrder> commands = IntStream.range(0, orderCount).mapToObj(i -> OrderFixtures.order("alice",
                new OrderLine(sku, 1, i % 2 == 0 ? warehouse : null))).toList();
        MeterRegistry secondMeters = secondInstance.getBean(MeterRegistry.class);
        double handledBefore = handled(meters) + handled(secondMeters);
        double outOfStockBefore = outOfStock(meters) + outOfStock(secondMeters);
        long started = System.nanoTime();

        placeAll(commands);
        // Counted by both instances' meters: a query over thousands of ids would cost the store more than the test.
        Awaitility.await().atMost(SETTLE_MAX.multipliedBy(Math.max(1, orderCount / 1_000)))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> handled(meters) + handled(secondMeters) - handledBefore >= orderCount);

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("%d orders for %d units settled in %d ms across two instances (%.0f orders/s)%n",
                orderCount, units, millis, orderCount * 1_000.0 / Math.max(1, millis));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.all(OrderConfirmed.class).stream()
                .filter(e -> e.lines().getFirst().sku().equals(sku)).count() == units);
        List<Order> settled = commands.stream().map(c -> orders.find(c.orderId()).orElseThrow()).toList();
        assertThat(settled).filteredOn(o -> o.status() == OrderStatus.CONFIRMED).hasSize(units);
        assertThat(settled).filteredOn(o -> o.status() == OrderStatus.REJECTED).hasSize(orderCount - units)
                .allMatch(o -> o.rejections().getFirst().reason() == RejectionReason.OUT_OF_STOCK);
        assertThat(ledger.level(new StockKey(sku, warehouse)).orElseThrow().levels())
                .isEqualTo(StockLevels.of(units, units));
        // The history reads at most 500 entries; the audit (every record recomputed from the ledger) covers the rest.
        List<LedgerEntry> history = ledger.history(sku, units + 1);
        assertThat(history).filteredOn(e -> e.kind() == MovementKind.RESERVED)
                .hasSize(Math.min(units, MongoStockQueries.HISTORY_LIMIT_MAX));
        assertThat(history).filteredOn(e -> e.kind() == MovementKind.RELEASED).isEmpty();
        assertThat(ledger.audit(10).isClean()).isTrue();
        assertBothInstancesWorked(handledBefore, orderCount);
        assertThat(outOfStock(meters) + outOfStock(secondMeters) - outOfStockBefore)
                .isEqualTo(orderCount - units);
        assertThat(meters.find("stockroom.orders.reservation").timer().count()).isPositive();
    }

    private static double outOfStock(MeterRegistry registry) {
        return registry.find("stockroom.orders.rejected").tag("reason", "OUT_OF_STOCK").counter().count();
    }

    @Test
    void multi_line_orders_under_contention_never_leave_a_partial_reservation() {
        Shelves shelves = shelves();
        List<PlaceOrder> commands = randomMultiLineOrders(shelves.skus(), shelves.locations(), 150);
        double handledBefore = handled(meters) + handled(secondInstance.getBean(MeterRegistry.class));

        placeAll(commands);
        awaitSettled(commands);

        int confirmed = assertAllOrNothing(commands, shelves);
        System.out.printf("%d of %d multi-line orders confirmed%n", confirmed, commands.size());
        assertThat(confirmed).isBetween(1, commands.size() - 1);
        assertBothInstancesWorked(handledBefore, commands.size());
    }

    @Test
    void an_instance_that_loses_its_broker_connection_mid_saga_leaves_nothing_half_done() {
        Shelves shelves = shelves();
        List<PlaceOrder> commands = randomMultiLineOrders(shelves.skus(), shelves.locations(), 150);
        CachingConnectionFactory secondConnection = secondInstance.getBean(CachingConnectionFactory.class);

        placeAll(commands);
        // Drop the second instance's connection twice while it works: the broker hands its unacknowledged
        // deliveries to the other consumers while its own threads are still in the middle of those sagas.
        for (int drop = 0; drop < 2; drop++) {
            int settledBefore = settled(commands);
            Awaitility.await().atMost(SETTLE_MAX).until(() -> settled(commands) >= settledBefore + 20
                    || settled(commands) == commands.size());
            secondConnection.resetConnection();
        }
        awaitSettled(commands);

        int confirmed = assertAllOrNothing(commands, shelves);
        System.out.printf("%d of %d multi-line orders confirmed despite dropped connections%n", confirmed,
                commands.size());
    }

    private record Shelves(List<String> skus, List<String> locations) {
    }

    private Shelves shelves() {
        String warehouse = locationCode("WH");
        String darkStore = locationCode("DS");
        owners.location(warehouse, 1, true);
        owners.location(darkStore, 2, true);
        List<String> skus = IntStream.range(0, 4).mapToObj(i -> OrderFixtures.sku()).toList();
        for (String sku : skus) {
            owners.item(sku);
            owners.receive(sku, warehouse, 30);
            owners.receive(sku, darkStore, 15);
        }
        return new Shelves(skus, List.of(warehouse, darkStore));
    }

    /**
     * Every line of a confirmed order holds its units and no line of a rejected one does; per stock record,
     * reserved is exactly the sum of confirmed lines; the ledger explains every level. Returns the confirmed count.
     */
    private int assertAllOrNothing(List<PlaceOrder> commands, Shelves shelves) {
        Map<StockKey, Integer> reservedByConfirmed = new HashMap<>();
        int confirmed = 0;
        for (PlaceOrder command : commands) {
            Order order = orders.find(command.orderId()).orElseThrow();
            boolean held = order.status() == OrderStatus.CONFIRMED;
            confirmed += held ? 1 : 0;
            for (OrderLineState line : order.lines()) {
                if (!line.hasLocation()) {
                    assertThat(held).isFalse();
                    continue;
                }
                StockKey key = new StockKey(line.sku(), line.location());
                boolean reserved = ledger.isApplied(order.reserveOperation(line.lineNo()), key);
                boolean released = ledger.isApplied(order.releaseOperation(line.lineNo()), key);
                assertThat(reserved && !released).as("line %d of %s order %s holds units", line.lineNo(),
                        order.status(), order.orderId()).isEqualTo(held);
                if (held) {
                    reservedByConfirmed.merge(key, line.quantity(), Integer::sum);
                }
            }
        }
        for (String sku : shelves.skus()) {
            for (String location : shelves.locations()) {
                StockKey key = new StockKey(sku, location);
                StockLevels levels = ledger.level(key).orElseThrow().levels();
                assertThat(levels.reserved()).as("reserved at %s", key)
                        .isEqualTo(reservedByConfirmed.getOrDefault(key, 0));
                assertThat(levels.available()).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(ledger.audit(10).isClean()).isTrue();
        return confirmed;
    }

    private static List<PlaceOrder> randomMultiLineOrders(List<String> skus, List<String> locations, int count) {
        Random random = new Random(42);
        List<PlaceOrder> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(skus);
            java.util.Collections.shuffle(shuffled, random);
            List<OrderLine> lines = shuffled.subList(0, 2 + random.nextInt(2)).stream()
                    .map(sku -> new OrderLine(sku, 1 + random.nextInt(3),
                            random.nextBoolean() ? null : locations.get(random.nextInt(locations.size()))))
                    .toList();
            commands.add(new PlaceOrder(OrderFixtures.orderId(), "alice", lines,
                    io.stockroom.contracts.order.SourcingStrategy.MOST_AVAILABLE, java.time.Instant.now()));
        }
        return commands;
    }

    private void placeAll(List<PlaceOrder> commands) {
        for (int from = 0; from < commands.size(); from += PUBLISH_CHUNK) {
            OrderFixtures.sendAll(publisher,
                    commands.subList(from, Math.min(from + PUBLISH_CHUNK, commands.size())), ALICE);
        }
    }

    private void awaitSettled(List<PlaceOrder> commands) {
        Awaitility.await().atMost(SETTLE_MAX).pollInterval(Duration.ofMillis(250))
                .until(() -> settled(commands) == commands.size());
    }

    /** How many of the orders reached CONFIRMED or REJECTED. */
    private int settled(List<PlaceOrder> commands) {
        List<String> ids = commands.stream().map(PlaceOrder::orderId).toList();
        return (int) mongo.getCollection("orders").countDocuments(Filters.and(Filters.in("_id", ids),
                Filters.in("status", OrderStatus.CONFIRMED.name(), OrderStatus.REJECTED.name())));
    }

    /** Orders this instance took to a terminal status. */
    private static double handled(MeterRegistry registry) {
        double confirmed = registry.find("stockroom.orders.confirmed").counters().stream()
                .mapToDouble(Counter::count).sum();
        double rejected = registry.find("stockroom.orders.rejected").counters().stream()
                .mapToDouble(Counter::count).sum();
        return confirmed + rejected;
    }

    private void assertBothInstancesWorked(double handledBefore, int orderCount) {
        double first = handled(meters);
        double second = handled(secondInstance.getBean(MeterRegistry.class));
        System.out.printf("instance 1 settled %.0f orders, instance 2 settled %.0f (cumulative)%n", first, second);
        assertThat(first + second - handledBefore).isEqualTo(orderCount);
        assertThat(first).isPositive();
        assertThat(second).isPositive();
    }
}
