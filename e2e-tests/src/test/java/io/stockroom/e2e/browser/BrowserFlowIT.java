package io.stockroom.e2e.browser;

import io.stockroom.e2e.Stack;
import io.stockroom.producer.browser.Browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser against the whole real system: the producer and every consumer run as their own
 * processes (the harness's stack), so each "applied" and "confirmed" seen here was produced by the real consumers over
 * RabbitMQ, not by the test. Two browsers with separate profiles play the admin and the shopper. Every step is saved
 * as a screenshot under {@code target/screenshots/}.
 */
class BrowserFlowIT {

    private static final String SHOPPER_PASSWORD = "a long shopper password";
    private static final int ORDERS_IN_A_ROW = 20;

    private static Stack system;
    private static Browser admin;
    private static Browser shopper;

    @BeforeAll
    static void startTheSystemAndTwoBrowsers() {
        Assumptions.assumeTrue(Browser.available(), "Browser tests skipped: Debian's Chromium and its driver are not "
                + "installed (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + "); "
                + "install them with: apt-get install chromium chromium-driver");
        system = Stack.get();
        admin = new Browser(system.producerUrl());
        shopper = new Browser(system.producerUrl());
    }

    @AfterAll
    static void closeTheBrowsers() {
        if (admin != null) {
            admin.close();
        }
        if (shopper != null) {
            shopper.close();
        }
    }

    @Test
    void a_shopper_orders_what_an_admin_stocked_and_both_see_every_change_arrive_without_reloading() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "WH-" + suffix;
        String sku = "E2E-UI-" + suffix;
        String itemName = "Aqua Terra " + suffix;
        String shopperName = "shopper-" + suffix.toLowerCase();

        // A visitor registers; the account is used later to shop.
        shopper.forgetSession();
        register(shopper, shopperName, SHOPPER_PASSWORD, SHOPPER_PASSWORD);
        assertThat(shopper.path()).startsWith("/login");
        assertThat(shopper.exists("[data-registered-message]")).isTrue();

        String row = adminStocksANewItem(location, sku, itemName, suffix);
        String card = "[data-products] [data-sku='" + sku + "']";
        shopperOrdersTwo(shopperName, sku, card, location);

        // The admin's open item page follows the reservation: 5 on hand, 2 reserved, 3 available.
        admin.markDocument();
        admin.waitUntil(d -> admin.text(row + " [data-reserved]").equals("2"));
        assertThat(admin.text(row + " [data-available]")).isEqualTo("3");
        assertThat(admin.sameDocument()).isTrue();
        admin.waitUntil(d -> admin.text("[data-ledger]").contains("Reserved for an order"));
        admin.capture("e2e-admin-item-reserved");

        // The admin finds the order and fulfils it; both the admin's and the shopper's pages show it by themselves.
        admin.open("/admin/orders?customer=" + shopperName);
        admin.clickAndWait("[data-orders-table] tbody tr a");
        admin.capture("e2e-admin-order");
        shopper.markDocument();
        admin.clickConfirmAndWait("[data-fulfil]");
        awaitAppliedWithoutReload(admin);
        admin.waitUntil(d -> admin.text("[data-order-status]").equals("Fulfilled"));
        shopper.waitUntil(d -> shopper.text("[data-order-status]").equals("Fulfilled"));
        assertThat(shopper.sameDocument()).isTrue();
        shopper.capture("e2e-shop-order-fulfilled");
    }

    /**
     * The admin creates a location, an item and its stock through the pages; each outcome and each new row shows up
     * without a reload. Ends on the item page.
     *
     * @return the selector of the stock grid's row at the location
     */
    private static String adminStocksANewItem(String location, String sku, String itemName, String suffix) {
        signIn(admin, system.adminUsername(), system.adminPassword());
        assertThat(admin.path()).startsWith("/admin");

        // A location, created on the locations page; the consumer's verdict and the new row arrive in place.
        admin.open("/admin/locations");
        admin.type("#code", location);
        admin.type("#locName", "Geneva warehouse");
        admin.select("#type", "WAREHOUSE");
        admin.type("#priority", "1");
        admin.clickAndWait("[data-location-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
        admin.waitUntil(d -> admin.exists("[data-locations] [data-location='" + location + "']"));
        assertThat(admin.sameDocument()).isTrue();

        // An item, created on the new-item page; once applied, the catalogue finds it by its SKU.
        admin.open("/admin/items/new");
        admin.type("#sku", sku);
        admin.type("#name", itemName);
        admin.type("#newBrand", "Omega");
        admin.type("#newCategory", "Watches");
        admin.type("#priceAmount", "6200.00");
        admin.select("#currency", "CHF");
        admin.type("#lowStockThreshold", "1");
        admin.type("#attributes", "movement=automatic, water=150m");
        admin.clickAndWait("[data-add-item-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
        admin.open("/admin?q=" + sku);
        assertThat(admin.exists("[data-items-table] [data-sku='" + sku + "']")).isTrue();

        // Stock received on the item page: the grid shows it as soon as the stock service applied it.
        admin.open("/admin/items/" + sku);
        admin.select("#receive-location", location);
        admin.type("#receive-quantity", "5");
        admin.type("#receive-note", "PO " + suffix);
        admin.clickAndWait("[data-receive-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
        String row = "[data-stock-grid] [data-location='" + location + "']";
        admin.waitUntil(d -> admin.exists(row + " [data-on-hand]") && admin.text(row + " [data-on-hand]").equals("5"));
        admin.capture("e2e-admin-item");
        return row;
    }

    /** The shopper finds the item by its SKU, puts two in the cart and orders them; Confirmed arrives by itself. */
    private static void shopperOrdersTwo(String shopperName, String sku, String card, String location) {
        signIn(shopper, shopperName, SHOPPER_PASSWORD);
        shopper.type("#q", sku.toLowerCase());
        shopper.find("#q").sendKeys(Keys.ENTER);
        shopper.waitUntil(d -> shopper.path().contains("q=") && shopper.exists(card + " form"));
        assertThat(shopper.findAll("[data-products] [data-sku]")).hasSize(1);
        assertThat(shopper.attribute(card + " [data-availability]", "data-availability")).isEqualTo("IN_STOCK");
        shopper.capture("e2e-shop");
        shopper.type(card + " input[name=quantity]", "2");
        shopper.find(card + " button[type=submit]").click();
        shopper.waitUntil(d -> "2".equals(shopper.attribute("[data-cart-units]", "textContent")));
        shopper.open("/shop/cart");
        shopper.clickAndWait("[data-place-order] button[type=submit]");
        assertThat(shopper.path()).startsWith("/shop/orders/");
        shopper.markDocument();
        shopper.waitUntil(d -> shopper.text("[data-order-status]").equals("Confirmed"));
        shopper.waitUntil(d -> shopper.text("[data-order-lines]").contains(location));
        assertThat(shopper.sameDocument()).as("the order page was not reloaded").isTrue();
        assertThat(shopper.text("[data-order-total]")).isEqualTo("12,400.00 CHF");
    }

    @Test
    void twenty_orders_in_a_row_are_confirmed_and_then_cancelled_live_by_the_real_order_consumer() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "E2E-ROW-" + suffix;
        String location = "WH-ROW-" + suffix;
        stockedItem(location, sku, "Row watch " + suffix, 1_000);
        String shopperName = "row-" + suffix.toLowerCase();
        shopper.forgetSession();
        register(shopper, shopperName, SHOPPER_PASSWORD, SHOPPER_PASSWORD);
        signIn(shopper, shopperName, SHOPPER_PASSWORD);
        for (int i = 0; i < ORDERS_IN_A_ROW; i++) {
            String card = "[data-products] [data-sku='" + sku + "']";
            shopper.openWhenPresent("/shop?q=" + sku, card + " form");
            shopper.find(card + " button[type=submit]").click();
            shopper.waitUntil(d -> shopper.exists("[data-cart] [data-place-order] button")
                    && "1".equals(shopper.attribute("[data-cart-units]", "textContent")));
            shopper.clickAndWait("[data-cart] [data-place-order] button[type=submit]");
            shopper.markDocument();
            shopper.waitUntil(d -> shopper.text("[data-order-status]").equals("Confirmed"));
            assertThat(shopper.sameDocument()).as("order %d confirmed without a reload", i).isTrue();
            shopper.waitUntil(d -> shopper.exists("[data-cancel-form] button"));
            shopper.clickConfirmAndWait("[data-cancel-form] button");
            shopper.markDocument();
            shopper.waitUntil(d -> shopper.text("[data-order-status]").equals("Cancelled"));
            assertThat(shopper.sameDocument()).as("order %d cancelled without a reload", i).isTrue();
        }
    }

    @Test
    void the_health_page_shows_every_service_the_broker_and_the_database_on_any_screen() {
        Browser ops = new Browser(system.healthUrl());
        try {
            ops.basicAuth(system.healthViewer(), system.healthViewerPassword());
            ops.open("/");
            ops.waitUntil(d -> ops.exists("#infrastructure [data-component='database']")
                    && ops.text("#infrastructure [data-component='database']").contains("UP")
                    && ops.text("#infrastructure [data-component='message-broker']").contains("UP"));
            assertThat(ops.findAll("#services tbody tr[data-service]")).hasSize(4);
            assertThat(ops.text("#queues-observed")).matches(".*\\d{4}.*");
            assertThat(ops.exists("a[href$='prometheus']")).as("no link to raw metrics text").isFalse();
            ops.capture("e2e-health");
        } finally {
            ops.close();
        }
    }

    @Test
    void a_shopper_opening_admin_pages_is_refused() {
        Browser browser = shopper;
        String name = "nosy-" + UUID.randomUUID().toString().substring(0, 6);
        browser.forgetSession();
        register(browser, name, SHOPPER_PASSWORD, SHOPPER_PASSWORD);
        signIn(browser, name, SHOPPER_PASSWORD);
        assertThat(browser.path()).startsWith("/shop");
        assertThat(browser.exists("a[href='/admin/locations']")).isFalse();

        browser.open("/admin");
        assertThat(browser.attribute("[data-error-status]", "data-error-status")).isEqualTo("403");
        assertThat(browser.exists("[data-items-table]")).isFalse();
        browser.capture("e2e-refused-admin");

        browser.open("/admin/locations");
        assertThat(browser.attribute("[data-error-status]", "data-error-status")).isEqualTo("403");
        assertThat(browser.exists("[data-location-form]")).isFalse();
        browser.shoot("e2e-refused-locations");
    }

    @Test
    void forms_with_bad_input_show_the_messages_next_to_the_fields() {
        Browser visitor = shopper;
        visitor.forgetSession();
        register(visitor, "x!", "short", "different");
        assertThat(visitor.path()).startsWith("/register");
        assertThat(visitor.text("#username-error")).isNotBlank();
        assertThat(visitor.text("#password-error")).contains("12 to 128 characters");
        assertThat(visitor.attribute("#username", "aria-invalid")).isEqualTo("true");
        visitor.capture("e2e-register-bad-input");

        signIn(admin, system.adminUsername(), system.adminPassword());
        admin.open("/admin/locations");
        admin.type("#code", "not a code");
        admin.type("#locName", "");
        admin.type("#priority", "-1");
        admin.clickAndWait("[data-location-form] button[type=submit]");
        assertThat(admin.exists("[data-command-id]")).as("nothing was sent").isFalse();
        assertThat(admin.text("[data-location-form]")).contains("Use letters, digits, dash or underscore")
                .contains("Enter a name.").contains("Priority is 0 or more.");
        admin.capture("e2e-location-bad-input");

        admin.open("/admin/items/new");
        admin.type("#sku", "bad sku");
        admin.type("#name", "");
        admin.type("#priceAmount", "12.345");
        admin.clickAndWait("[data-add-item-form] button[type=submit]");
        assertThat(admin.exists("[data-command-id]")).as("nothing was sent").isFalse();
        assertThat(admin.text("[data-add-item-form]")).contains("Use letters, digits, dot, dash or underscore")
                .contains("Enter a name.").contains("Enter a price such as 199 or 199.00.");
        admin.capture("e2e-add-item-bad-input");
    }

    /** A location and an item with stock there, set up through the admin's pages and applied by the consumers. */
    private static void stockedItem(String location, String sku, String name, int units) {
        signIn(admin, system.adminUsername(), system.adminPassword());
        admin.open("/admin/locations");
        admin.type("#code", location);
        admin.type("#locName", "Warehouse " + location);
        admin.clickAndWait("[data-location-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
        admin.open("/admin/items/new");
        admin.type("#sku", sku);
        admin.type("#name", name);
        admin.type("#newBrand", "Stockroom");
        admin.type("#newCategory", "Watches");
        admin.type("#priceAmount", "100.00");
        admin.clickAndWait("[data-add-item-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
        admin.openWhenPresent("/admin/items/" + sku, "#receive-location option[value='" + location + "']");
        admin.select("#receive-location", location);
        admin.type("#receive-quantity", Integer.toString(units));
        admin.clickAndWait("[data-receive-form] button[type=submit]");
        awaitAppliedWithoutReload(admin);
    }

    /**
     * Waits for the command banner of the page just shown to leave "pending", without any reload, and requires that
     * the consumer applied the command (a rejection fails with the reason the page shows).
     */
    private static void awaitAppliedWithoutReload(Browser browser) {
        assertThat(browser.exists("[data-command-id]")).as("the page shows the sent command").isTrue();
        browser.markDocument();
        String status = browser.waitUntil(d -> {
            String current = browser.attribute("[data-command-id]", "data-command-status");
            return "APPLIED".equals(current) || "REJECTED".equals(current) ? current : null;
        });
        assertThat(status).as("command outcome: " + browser.text("[data-command-message]")).isEqualTo("APPLIED");
        assertThat(browser.text("[data-command-badge]")).isEqualTo("Applied");
        assertThat(browser.sameDocument()).as("the page was not reloaded").isTrue();
        assertThat(browser.text("[data-command-id]")).as("the banner speaks in words; the id is behind a toggle")
                .doesNotContain(browser.attribute("[data-command-id]", "data-command-id"));
    }

    private static void register(Browser browser, String username, String password, String confirmation) {
        browser.open("/register");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.type("#confirmPassword", confirmation);
        browser.clickAndWait("form button[type=submit]");
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.forgetSession();
        browser.open("/login");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.clickAndWait("form button[type=submit]");
    }
}
