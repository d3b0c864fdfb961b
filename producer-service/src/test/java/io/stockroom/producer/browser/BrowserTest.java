package io.stockroom.producer.browser;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockLedger;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.WithTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web UI in a real browser (Debian's headless Chromium) against the real producer on a random port, its own
 * RabbitMQ vhost and database; every class shares one Spring context and has one browser. No consumer service runs
 * here: the catalogue, stock and location consumers' events are published by the test exactly as those consumers
 * would, and orders are answered by {@link OrderConsumerStandIn}. Pages are saved as screenshots at desktop and phone
 * size, which also checks that no page is wider than the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stockroom.producer.admin.username=" + BrowserTest.ADMIN,
        "stockroom.producer.admin.password=" + BrowserTest.ADMIN_PASSWORD,
        "stockroom.producer.orders.per-user-max=1000",
        "stockroom.health.url=http://localhost:8085/"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-browser-tests";
    static final String SHOPPER_PASSWORD = "a long shopper password";
    static final String WAREHOUSE = "WH-MAIN";
    static final String DARK_STORE = "DS-CITY";
    static final String DIVER = "WATCH-DIVER";
    static final String FIELD = "WATCH-FIELD";
    static final String CHRONO = "WATCH-CHRONO";

    private static final AtomicInteger SHOPPERS = new AtomicInteger();
    private static volatile boolean seeded;
    private static OrderConsumerStandIn standIn;

    @LocalServerPort
    int port;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Orders orders;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    MessageJson json;

    Browser browser;

    @BeforeAll
    void startBrowserAndSeedTheCatalogue() throws IOException {
        Assumptions.assumeTrue(Browser.available(), "Browser tests skipped: Debian's chromium and chromium-driver "
                + "are not installed (/usr/bin/chromium, /usr/bin/chromedriver); apt-get install chromium chromium-driver");
        seedOnce();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** The order consumer's stand-in, shared by every class (one consumer of the order command queue). */
    OrderConsumerStandIn standIn() {
        synchronized (BrowserTest.class) {
            if (standIn == null) {
                standIn = new OrderConsumerStandIn(connections, publisher, json);
                Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "stand-in-stop"));
            }
            return standIn;
        }
    }

    String signInAsNewShopper() {
        String shopper = newShopperName();
        register(shopper);
        signIn(shopper, SHOPPER_PASSWORD);
        assertThat(browser.path()).startsWith("/shop");
        return shopper;
    }

    static String newShopperName() {
        return "shopper" + SHOPPERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    void register(String username) {
        browser.forgetSession();
        browser.open("/register");
        browser.type("#username", username);
        browser.type("#password", SHOPPER_PASSWORD);
        browser.type("#confirmPassword", SHOPPER_PASSWORD);
        browser.clickAndWait("form button[type=submit]");
    }

    void signIn(String username, String password) {
        browser.forgetSession();
        browser.open("/login");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.clickAndWait("form button[type=submit]");
    }

    void signInAsAdmin() {
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.path()).startsWith("/admin");
    }

    /** A new item with stock, as the catalogue and stock consumers would announce it; waits for the read side. */
    void item(String sku, String name, String brand, String category, String price, int threshold, int onHand) {
        ItemDetails details = new ItemDetails(name, brand, category, new Money(new BigDecimal(price), "EUR"),
                Map.of("movement", "automatic"), threshold);
        publish(new ItemCreated(sku, details, 1, Instant.now()));
        if (onHand > 0) {
            publish(new StockChanged(sku, WAREHOUSE, new StockLevels(onHand, 0, onHand),
                    threshold, 1, "seed:" + sku, MovementKind.RECEIVED, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(sku)
                .map(i -> i.available() == onHand).orElse(false));
    }

    void publish(Event event) {
        publisher.publish(event, new PublishContext("browser-test-" + UUID.randomUUID(), null,
                Actor.service("browser-test")));
    }

    /** What a consumer announces after applying a command. */
    void applied(String commandId, MessageType type, String subject, String detail) {
        publish(CommandOutcome.applied(commandId, type, subject, detail, Instant.now()));
    }

    /**
     * The base catalogue every class may read (never change): two locations (the dark store deactivated), three
     * watches (low, in stock, never stocked), and the diver's ledger entries (its movement history).
     */
    private void seedOnce() {
        synchronized (BrowserTest.class) {
            if (seeded) {
                return;
            }
            StockLedger ledger = new MongoStockLedger(mongo, sku -> 5, Clock.systemUTC());
            StockKey diverAtWarehouse = new StockKey(DIVER, WAREHOUSE);
            ledger.apply(Movement.received("seed-receipt", diverAtWarehouse, 4,
                    new Provenance(ADMIN, "seed-receipt", "PO 2026-118", Instant.now())));
            ledger.apply(Movement.adjusted("seed-adjustment", diverAtWarehouse, -1,
                    new Provenance(ADMIN, "seed-adjustment", "DAMAGED: crystal cracked in transit", Instant.now())));
            Instant now = Instant.now();
            publish(new LocationChanged(WAREHOUSE, "Main warehouse",
                    LocationType.WAREHOUSE, 1, true, LocationChanged.Change.REGISTERED, 1, now));
            publish(new LocationChanged(DARK_STORE, "City dark store",
                    LocationType.DARK_STORE, 5, false, LocationChanged.Change.DEACTIVATED, 2, now));
            item(DIVER, "Prospex Diver 200m", "Seiko", "Diver", "399.00", 5, 3);
            item(FIELD, "Khaki Field Mechanical", "Hamilton", "Field", "545.00", 3, 40);
            item(CHRONO, "Speedmaster Professional", "Omega", "Chronograph", "7400.00", 1, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.locations().size() == 2);
            seeded = true;
        }
    }
}
