package io.stockroom.producer.browser;

import io.stockroom.producer.catalogue.domain.ItemDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a shopper does: register, find watches, fill a cart within what is available, order, follow orders. */
class ShopperJourneyIT extends BrowserTest {

    static final String CART_SKU = "CART-WATCH";

    @BeforeAll
    void anItemForTheCart() {
        item(CART_SKU, "Seamaster 300", "Omega", "Diver", "5400.00", 1, 0);
        standIn().stock(CART_SKU, WAREHOUSE, 3);
        awaitAvailable(CART_SKU, 3);
    }

    @Test
    void a_visitor_sees_every_problem_of_a_bad_registration_then_registers_and_signs_in() {
        browser.forgetSession();
        browser.open("/register");
        browser.capture("register");
        browser.type("#username", "x!");
        browser.type("#password", "short");
        browser.type("#confirmPassword", "different");
        browser.clickAndWait("form button[type=submit]");
        assertThat(browser.text("#username-error")).isNotBlank();
        assertThat(browser.text("#password-error")).contains("12");
        assertThat(browser.attribute("#username", "aria-invalid")).isEqualTo("true");
        browser.capture("register-errors");

        String shopper = newShopperName();
        register(shopper);
        assertThat(browser.exists("[data-registered-message]")).isTrue();
        browser.capture("login");
        browser.type("#username", shopper);
        browser.type("#password", "not the right password");
        browser.clickAndWait("form button[type=submit]");
        assertThat(browser.exists("[data-login-error]")).isTrue();
        browser.capture("login-error");
        signIn(shopper, SHOPPER_PASSWORD);
        assertThat(browser.path()).startsWith("/shop");
    }

    @Test
    void a_shopper_finds_watches_by_sku_by_category_and_by_price_and_opens_one() {
        signInAsNewShopper();
        browser.open("/shop?q=watch-div");
        assertThat(skusShown()).containsExactly(DIVER);
        browser.open("/shop?q=chronograph");
        assertThat(skusShown()).containsExactly(CHRONO);
        browser.open("/shop?minPrice=390&maxPrice=550&sort=price");
        assertThat(skusShown()).containsExactly(DIVER, FIELD);
        assertThat(browser.attribute("[data-sku='" + DIVER + "'] [data-availability]", "data-availability"))
                .isEqualTo("LOW");
        browser.capture("shop");

        browser.clickAndWait("[data-sku='" + DIVER + "'] [data-product-link]");
        assertThat(browser.path()).isEqualTo("/shop/items/" + DIVER);
        assertThat(browser.text("h1")).isEqualTo("Prospex Diver 200m");
        assertThat(browser.text("[data-available]")).isEqualTo("3 available to order now");
        browser.capture("shop-product");
        browser.open("/shop/items/" + CHRONO);
        assertThat(browser.exists("#quantity")).as("nothing to add when none is available").isFalse();
    }

    @Test
    void the_cart_holds_only_what_is_available_changes_in_place_and_orders_what_is_left() {
        standIn().stock(CART_SKU, WAREHOUSE, 3);
        awaitAvailable(CART_SKU, 3);
        signInAsNewShopper();
        browser.open("/shop?q=seamaster");
        browser.markDocument();
        browser.script("window.scrollTo(0, 200)");
        long scrolled = ((Number) browser.script("return window.scrollY")).longValue();
        addToCartInPlace("[data-sku='" + CART_SKU + "']", 3, ".alert-ok");
        assertThat(((Number) browser.script("return window.scrollY")).longValue()).isEqualTo(scrolled);
        addToCartInPlace("[data-sku='" + CART_SKU + "']", 1, ".alert-bad");
        assertThat(browser.attribute("[data-cart-units]", "textContent")).isEqualTo("3");
        assertThat(browser.text(".alert-bad")).isEqualTo("Only 3 of Seamaster 300 are available, so your cart now "
                + "holds 3.");
        assertThat(browser.sameDocument()).as("adding never reloads the shop").isTrue();
        browser.capture("shop-with-cart");

        browser.open("/shop/cart");
        assertThat(browser.text("[data-cart-total]")).isEqualTo("16,200.00 EUR");
        browser.change("[data-cart-quantity]", "2");
        browser.waitUntil(d -> browser.text("[data-cart-total]").equals("10,800.00 EUR"));
        browser.change("[data-cart-quantity]", "3");
        browser.waitUntil(d -> browser.text("[data-cart-total]").equals("16,200.00 EUR"));

        standIn().stock(CART_SKU, WAREHOUSE, 2);
        awaitAvailable(CART_SKU, 2);
        browser.open("/shop/cart");
        assertThat(browser.text("[data-cart-problem]")).isEqualTo("Only 2 available.");
        assertThat(browser.exists("[data-place-order]")).as("no order that would be refused").isFalse();
        assertThat(browser.text("[data-place-available] button")).isEqualTo("Order the 2 available instead");
        browser.capture("shop-cart-short");
        browser.clickAndWait("[data-place-available] button");
        browser.waitUntil(d -> browser.text("[data-order-status]").equals("Confirmed"));
        browser.waitUntil(d -> browser.text("[data-order-lines]").contains("10,800.00 EUR"));
        assertThat(browser.text("[data-order-total]")).isEqualTo("10,800.00 EUR");
    }

    @Test
    void my_orders_are_filtered_by_status_in_pages_with_totals_and_times_in_my_own_time_zone() {
        String shopper = signInAsNewShopper();
        standIn().stock(CART_SKU, WAREHOUSE, 100);
        awaitAvailable(CART_SKU, 100);
        browser.open("/shop/orders");
        assertThat(browser.text("[data-region=orders]")).contains("No orders here yet");
        browser.capture("shop-my-orders-empty");
        for (int i = 0; i < 3; i++) {
            browser.open("/shop/items/" + CART_SKU);
            browser.find("[data-ajax] button[type=submit]").click();
            browser.waitUntil(d -> "1".equals(browser.attribute("[data-cart-units]", "textContent")));
            browser.open("/shop/cart");
            browser.clickAndWait("[data-place-order] button");
            browser.waitUntil(d -> browser.text("[data-order-status]").equals("Confirmed"));
        }
        browser.timeZone("Asia/Kolkata");
        browser.open("/shop/orders");
        assertThat(browser.findAll("[data-orders] tbody tr")).hasSize(3);
        assertThat(browser.text("[data-orders]")).contains("5,400.00 EUR").contains("1 × Seamaster 300");
        assertThat(browser.text("[data-orders] time")).contains("GMT+5:30");
        browser.capture("shop-my-orders");
        browser.open("/shop/orders?status=CANCELLED");
        assertThat(browser.exists("[data-orders]")).isFalse();
        browser.open("/shop/orders?page=40");
        assertThat(browser.path()).as("past the last page: the last page").isEqualTo("/shop/orders?page=0");
        browser.timeZone("UTC");
        assertThat(orders.mine(new io.stockroom.producer.common.Requester(shopper,
                java.util.Set.of(io.stockroom.contracts.Role.USER), null), 10)).hasSize(3);
    }

    @Test
    void a_shopper_is_refused_admin_pages_and_unknown_pages_say_so_in_words() {
        signInAsNewShopper();
        browser.open("/admin");
        assertThat(browser.attribute("[data-error-status]", "data-error-status")).isEqualTo("403");
        assertThat(browser.exists("nav a[href='/admin/alerts']")).isFalse();
        browser.capture("error-403");
        browser.open("/shop/items/NO-SUCH-SKU");
        assertThat(browser.attribute("[data-error-status]", "data-error-status")).isEqualTo("404");
        browser.capture("error-404");
        browser.clickAndWait(".user-menu form button");
        assertThat(browser.path()).startsWith("/login?logout");
        browser.capture("signed-out");
    }

    private java.util.List<String> skusShown() {
        return browser.findAll("[data-products] [data-sku]").stream().map(e -> e.getAttribute("data-sku")).toList();
    }

    /** Adds through the card's form, which answers in place; waits for the message it should show. */
    private void addToCartInPlace(String card, int quantity, String message) {
        browser.script("document.querySelectorAll('.flash .alert').forEach(e => e.remove())");
        browser.type(card + " input[name=quantity]", Integer.toString(quantity));
        browser.find(card + " button[type=submit]").click();
        browser.waitUntil(d -> browser.exists(".flash " + message));
    }

    private void awaitAvailable(String sku, int units) {
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(sku).map(ItemDetail::available)
                .orElse(-1) == units);
    }
}
