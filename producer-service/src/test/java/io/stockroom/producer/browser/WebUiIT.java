package io.stockroom.producer.browser;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockLedger;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.WithTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web UI in a real browser (Debian's headless Chromium) against the real producer on a random port, its own
 * RabbitMQ vhost and database. No consumer runs here: where a consumer's answer is needed, the test publishes the
 * real event contract (a {@link CommandOutcome}, an {@link OrderConfirmed}) on the events exchange, exactly as a
 * consumer would, and checks that the open page changes without a reload. Every page is saved as a screenshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stockroom.producer.admin.username=" + WebUiIT.ADMIN,
        "stockroom.producer.admin.password=" + WebUiIT.ADMIN_PASSWORD,
        "stockroom.health.url=http://localhost:8085/"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-browser-tests";
    static final String SHOPPER_PASSWORD = "a long shopper password";
    static final String WAREHOUSE = "WH-MAIN";
    static final String DARK_STORE = "DS-CITY";
    static final String DIVER = "WATCH-DIVER";
    static final String FIELD = "WATCH-FIELD";
    static final String CHRONO = "WATCH-CHRONO";

    private static final AtomicInteger SHOPPERS = new AtomicInteger();

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

    private Browser browser;

    @BeforeAll
    void startBrowserAndSeedTheCatalogue() throws IOException {
        Assumptions.assumeTrue(Browser.available(), "Browser tests skipped: Debian's chromium and chromium-driver "
                + "are not installed (/usr/bin/chromium, /usr/bin/chromedriver); apt-get install chromium chromium-driver");
        seedCatalogueWithConsumerEvents();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        if (browser != null) {
            browser.open("/login");
            browser.driver().manage().deleteAllCookies();
        }
    }

    @Test
    void aVisitorRegistersSeesTheValidationMessagesOfABadFormAndSignsIn() {
        browser.open("/register");
        browser.screenshot("01-register");

        browser.type("#username", "x!");
        browser.type("#password", "short");
        browser.type("#confirmPassword", "different");
        browser.clickAndWait("form button[type=submit]");
        assertThat(browser.path()).startsWith("/register");
        assertThat(browser.text("#username-error")).isNotBlank();
        assertThat(browser.text("#password-error")).contains("12");
        assertThat(browser.find("#username").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("02-register-errors");

        String shopper = "shopper" + SHOPPERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        register(shopper);
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.exists("[data-registered-message]")).isTrue();
        browser.screenshot("03-login-after-registration");

        signIn(shopper, "not the right password");
        assertThat(browser.path()).startsWith("/login?error");
        assertThat(browser.exists("[data-login-error]")).isTrue();
        browser.screenshot("04-login-error");

        signIn(shopper, SHOPPER_PASSWORD);
        assertThat(browser.path()).startsWith("/shop");
        assertThat(browser.find("[data-sku='" + DIVER + "'] [data-availability]").getAttribute("data-availability"))
                .isEqualTo("LOW");
        assertThat(browser.find("[data-sku='" + CHRONO + "'] [data-availability]").getAttribute("data-availability"))
                .isEqualTo("OUT");
        browser.screenshot("05-shop");
        browser.screenshot("05-shop-phone", 390);
    }

    @Test
    void aShopperOpeningAnAdminPageIsRefused() {
        signInAsNewShopper();
        browser.open("/admin");
        assertThat(browser.find("[data-error-status]").getAttribute("data-error-status")).isEqualTo("403");
        assertThat(browser.exists("nav a[href='/admin/alerts']")).isFalse();
        browser.screenshot("06-shopper-refused-admin-page");

        browser.open("/admin/items/" + DIVER);
        assertThat(browser.find("[data-error-status]").getAttribute("data-error-status")).isEqualTo("403");
    }

    @Test
    void aShopperOrdersTwoItemsAndSeesTheConfirmationArriveLive() {
        String shopper = signInAsNewShopper();
        addToCart(FIELD, 2);
        addToCart(DIVER, 1);
        assertThat(browser.text("[data-cart] .card-head")).contains("3 units");
        browser.screenshot("07-shop-with-cart");

        browser.clickAndWait("[data-place-order] button");
        assertThat(browser.path()).startsWith("/shop/orders/ord-");
        String orderId = browser.find("[data-order]").getAttribute("data-order-id");
        assertThat(browser.text("[data-order-status]")).isEqualTo("Placed");
        browser.waitUntil(d -> browser.text("[data-live-indicator]").equals("Live"));
        browser.screenshot("08-order-placed");

        OrderView placed = orders.get(new Requester(shopper, Set.of(Role.USER), null), orderId).orElseThrow();
        List<AllocatedLine> allocated = placed.lines().stream()
                .map(line -> new AllocatedLine(line.lineNo(), line.sku(), WAREHOUSE, line.quantity())).toList();
        publish(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper, allocated, 1, Instant.now()));

        browser.waitUntil(d -> browser.text("[data-order-status]").equals("Confirmed"));
        assertThat(browser.find("[data-cancel-form]").isDisplayed()).isTrue();
        assertThat(browser.text("[data-order-history]")).contains("CONFIRMED");
        browser.screenshot("09-order-confirmed-live");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.open("/shop/orders");
            assertThat(browser.text("[data-order-id='" + orderId + "'] [data-order-status]")).isEqualTo("Confirmed");
        });
        browser.screenshot("10-my-orders");

        browser.open("/shop/orders/" + orderId);
        browser.clickConfirmAndWait("[data-cancel-form] button");
        assertThat(browser.text(".alert-ok")).contains("Cancellation requested");
        browser.waitUntil(d -> browser.text("[data-live-indicator]").equals("Live"));
        publish(MessageType.ORDER_CANCELLED, new OrderCancelled(orderId, shopper, shopper, "Changed my mind", 2,
                Instant.now()));
        browser.waitUntil(d -> browser.text("[data-order-status]").equals("Cancelled"));
        assertThat(browser.find("[data-cancel-form]").isDisplayed()).isFalse();
        browser.screenshot("10b-order-cancelled-live");
    }

    @Test
    void anAdminSeesTheCatalogueFiltersItAndOpensEveryAdminPage() {
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.path()).startsWith("/admin");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-items-table] tbody tr")))
                .hasSize(3);
        assertThat(browser.find("[data-health-link]").getAttribute("href")).isEqualTo("http://localhost:8085/");
        browser.screenshot("11-admin-items");

        browser.select("#brand", "Seiko");
        browser.waitUntil(d -> browser.path().contains("brand=Seiko"));
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-items-table] tbody tr")))
                .hasSize(1);
        browser.screenshot("12-admin-items-filtered");

        browser.open("/admin?sort=-price");
        assertThat(browser.find("[data-items-table] tbody tr").getAttribute("data-sku")).isEqualTo(CHRONO);

        browser.open("/admin/items/" + DIVER);
        assertThat(browser.text("[data-stock-grid] [data-location='" + WAREHOUSE + "'] [data-on-hand]")).isEqualTo("3");
        assertThat(browser.text("[data-ledger]")).contains("Received").contains("+4").contains("Adjusted")
                .contains("-1").contains("crystal cracked");
        browser.screenshot("13-admin-item");

        browser.open("/admin/alerts");
        assertThat(browser.text("[data-alerts]")).contains(DIVER).contains(CHRONO);
        browser.screenshot("14-admin-stock-alerts");

        browser.open("/admin/locations");
        assertThat(browser.text("[data-locations]")).contains(WAREHOUSE).contains(DARK_STORE);
        browser.screenshot("15-admin-locations");

        browser.open("/admin/import");
        browser.screenshot("16-admin-import");

        browser.open("/admin/items/NO-SUCH-SKU");
        assertThat(browser.find("[data-error-status]").getAttribute("data-error-status")).isEqualTo("404");
        browser.screenshot("17-not-found");
    }

    @Test
    void anAdminFormShowsPendingThenAppliedOrRejectedWithTheReasonWithoutAReload() {
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.type("#sku", "watch new");
        browser.type("#name", "");
        browser.type("#priceAmount", "12.345");
        browser.clickAndWait("[data-add-item-form] button[type=submit]");
        assertThat(browser.text("[data-add-item-form]")).contains("Enter a name.").contains("Enter a price such as");
        browser.screenshot("18-admin-add-item-errors");

        browser.type("#sku", "WATCH-PILOT");
        browser.type("#name", "Pilot Automatic");
        browser.type("#newBrand", "Hamilton");
        browser.type("#newCategory", "Watches");
        browser.type("#priceAmount", "795.00");
        browser.clickAndWait("[data-add-item-form] button[type=submit]");
        String created = browser.find("[data-command-id]").getAttribute("data-command-id");
        assertThat(browser.find("[data-command-id]").getAttribute("data-command-status")).isEqualTo("PENDING");
        browser.screenshot("19-admin-command-pending");

        publish(MessageType.COMMAND_OUTCOME, CommandOutcome.applied(created, MessageType.CREATE_ITEM, "WATCH-PILOT",
                "Item WATCH-PILOT created", Instant.now()));
        browser.waitUntil(d -> "APPLIED".equals(browser.find("[data-command-id]").getAttribute("data-command-status")));
        assertThat(browser.text("[data-command-badge]")).isEqualTo("Applied");
        browser.screenshot("20-admin-command-applied");

        browser.open("/admin/items/" + FIELD);
        browser.select("#receive-location", DARK_STORE);
        browser.type("#receive-quantity", "4");
        browser.clickAndWait("[data-receive-form] button[type=submit]");
        String receipt = browser.find("[data-command-id]").getAttribute("data-command-id");
        publish(MessageType.COMMAND_OUTCOME, CommandOutcome.rejected(receipt, MessageType.RECEIVE_STOCK,
                FIELD + "@" + DARK_STORE, RejectionCode.LOCATION_INACTIVE, "Location DS-CITY is not active", Instant.now()));
        browser.waitUntil(d -> "REJECTED".equals(browser.find("[data-command-id]").getAttribute("data-command-status")));
        assertThat(browser.text("[data-command-reason]")).contains("LOCATION_INACTIVE").contains("not active");
        browser.screenshot("21-admin-command-rejected");

        browser.open("/admin/actions");
        assertThat(browser.text("[data-actions]")).contains("item.create").contains("stock.receive")
                .contains("LOCATION_INACTIVE");
        browser.screenshot("22-admin-audit-log");
    }

    @Test
    void anAdminImportsACsvAndSeesWhatBecameOfEveryRow() throws IOException {
        signIn(ADMIN, ADMIN_PASSWORD);
        Path csv = Files.createTempFile("items-", ".csv");
        Files.writeString(csv, """
                sku,name,brand,category,price,currency,lowStockThreshold
                WATCH-DRESS,Dress Classic,Tissot,Watches,420.00,EUR,2
                bad sku,No Price,Tissot,Watches,,EUR,2
                """);
        browser.open("/admin/import");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("[data-import-form] button[type=submit]");
        assertThat(browser.text("[data-import-report]")).contains("1 accepted").contains("1 rejected")
                .contains("WATCH-DRESS");
        browser.screenshot("23-admin-import-report");
        Files.deleteIfExists(csv);
    }

    @Test
    void signingOutShowsTheSignInPageWithAMessage() {
        signInAsNewShopper();
        browser.open("/shop/orders");
        browser.screenshot("24-my-orders-empty");
        browser.clickAndWait(".user-menu form button");
        assertThat(browser.path()).startsWith("/login?logout");
        assertThat(browser.exists("[data-logout-message]")).isTrue();
        browser.screenshot("25-signed-out");
    }

    @Test
    void anErrorPageOnAFirstVisitLinksItsStylesheetWithoutASessionIdInTheUrl() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/register")).POST(HttpRequest.BodyPublishers.ofString("username=x"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("href=\"/css/app.css\"").doesNotContain("jsessionid");
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/css/app.css")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
    }

    private String signInAsNewShopper() {
        String shopper = "shopper" + SHOPPERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        register(shopper);
        signIn(shopper, SHOPPER_PASSWORD);
        assertThat(browser.path()).startsWith("/shop");
        return shopper;
    }

    private void register(String username) {
        browser.open("/register");
        browser.type("#username", username);
        browser.type("#password", SHOPPER_PASSWORD);
        browser.type("#confirmPassword", SHOPPER_PASSWORD);
        browser.clickAndWait("form button[type=submit]");
    }

    private void signIn(String username, String password) {
        browser.open("/login");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.clickAndWait("form button[type=submit]");
    }

    private void addToCart(String sku, int quantity) {
        browser.open("/shop");
        browser.type("[data-sku='" + sku + "'] input[name=quantity]", Integer.toString(quantity));
        browser.clickAndWait("[data-sku='" + sku + "'] button[type=submit]");
    }

    /**
     * The events the catalogue, stock and location consumers would have published (the read side follows them), and
     * the ledger entries the stock consumer would have written for the diver watch (its movement history).
     */
    private void seedCatalogueWithConsumerEvents() {
        StockLedger ledger = new MongoStockLedger(mongo, sku -> 5, Clock.systemUTC());
        StockKey diverAtWarehouse = new StockKey(DIVER, WAREHOUSE);
        ledger.apply(Movement.received("seed-receipt", diverAtWarehouse, 4,
                new Provenance(ADMIN, "seed-receipt", "PO 2026-118", Instant.now())));
        ledger.apply(Movement.adjusted("seed-adjustment", diverAtWarehouse, -1,
                new Provenance(ADMIN, "seed-adjustment", "DAMAGED: crystal cracked in transit", Instant.now())));
        Instant now = Instant.now();
        publish(MessageType.LOCATION_CHANGED, new LocationChanged(WAREHOUSE, "Main warehouse", LocationType.WAREHOUSE,
                1, true, LocationChanged.Change.REGISTERED, 1, now));
        publish(MessageType.LOCATION_CHANGED, new LocationChanged(DARK_STORE, "City dark store",
                LocationType.DARK_STORE, 5, false, LocationChanged.Change.DEACTIVATED, 2, now));
        item(DIVER, "Prospex Diver 200m", "Seiko", "399.00", 5, 3);
        item(FIELD, "Khaki Field Mechanical", "Hamilton", "545.00", 3, 40);
        item(CHRONO, "Speedmaster Professional", "Omega", "7400.00", 1, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(CHRONO).isPresent()
                && catalogue.item(DIVER).map(i -> i.available() == 3).orElse(false)
                && catalogue.locations().size() == 2);
    }

    private void item(String sku, String name, String brand, String price, int threshold, int onHand) {
        ItemDetails details = new ItemDetails(name, brand, "Watches", new Money(new BigDecimal(price), "EUR"),
                Map.of("movement", "automatic"), threshold);
        publish(MessageType.ITEM_CREATED, new ItemCreated(sku, details, 1, Instant.now()));
        publish(MessageType.STOCK_CHANGED, new StockChanged(sku, WAREHOUSE, new StockLevels(onHand, 0, onHand),
                threshold, 1, "seed:" + sku, MovementKind.RECEIVED, Instant.now()));
    }

    private void publish(MessageType type, Event event) {
        publisher.publish(event, new PublishContext("browser-test-" + UUID.randomUUID(), null,
                Actor.service("browser-test")));
    }
}
