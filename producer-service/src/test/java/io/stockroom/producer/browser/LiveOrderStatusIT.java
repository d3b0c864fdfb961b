package io.stockroom.producer.browser;

import io.stockroom.producer.catalogue.domain.ItemDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order page follows its order to the final state by itself, every time. The order consumer's stand-in answers
 * within milliseconds of the placement, so the outcome usually exists before the page has opened its live stream:
 * the page must get it from the state sent when the stream opens. Twenty orders in a row for each outcome, none of
 * them reloaded.
 */
class LiveOrderStatusIT extends BrowserTest {

    static final int ORDERS_IN_A_ROW = 20;
    static final String CONFIRMED_SKU = "LIVE-CONFIRM";
    static final String CONTESTED_SKU = "LIVE-CONTESTED";

    private String shopper;

    @BeforeAll
    void aShopperAndTwoItems() {
        item(CONFIRMED_SKU, "Aqua Terra 150m", "Omega", "Diver", "6200.00", 1, 0);
        item(CONTESTED_SKU, "Black Bay 58", "Tudor", "Diver", "3900.00", 1, 0);
        standIn().stock(CONFIRMED_SKU, WAREHOUSE, 1_000);
        awaitAvailable(CONFIRMED_SKU, 1_000);
        shopper = signInAsNewShopper();
    }

    @Test
    void twenty_orders_in_a_row_turn_confirmed_without_a_reload() {
        for (int i = 0; i < ORDERS_IN_A_ROW; i++) {
            placeFromTheCart(CONFIRMED_SKU, 1);
            awaitStatusWithoutReload("Confirmed");
            // The rest of the page follows the badge: the order's lines, locations and history are fetched again.
            browser.waitUntil(d -> browser.text("[data-order-history]").contains("Confirmed: every item is reserved"));
            assertThat(browser.exists("[data-placed-hint]")).isFalse();
            assertThat(browser.text("[data-order-lines]")).contains(WAREHOUSE).contains("6,200.00 EUR");
            assertThat(browser.sameDocument()).isTrue();
            if (i == 0) {
                browser.capture("shop-order-confirmed");
            }
        }
    }

    @Test
    void twenty_orders_in_a_row_that_lose_a_race_for_stock_turn_rejected_with_an_offer_of_what_is_left() {
        standIn().competeFor(CONTESTED_SKU);
        for (int i = 0; i < ORDERS_IN_A_ROW; i++) {
            standIn().stock(CONTESTED_SKU, WAREHOUSE, 3);
            awaitAvailable(CONTESTED_SKU, 3);
            placeFromTheCart(CONTESTED_SKU, 3);
            awaitStatusWithoutReload("Rejected");
            browser.waitUntil(d -> browser.exists("[data-retry]")
                    && browser.text("[data-order-rejections]").contains("Only 2 of"));
            assertThat(browser.text("[data-order-rejections]"))
                    .contains("Only 2 of Black Bay 58 are available; you asked for 3.")
                    .doesNotContain("OUT_OF_STOCK").doesNotContain("best:");
            assertThat(browser.text("[data-retry]")).isEqualTo("Order the 2 available instead");
            if (i == 0) {
                browser.capture("shop-order-rejected");
            }
        }
        standIn().stopCompeting(CONTESTED_SKU);
        browser.clickAndWait("[data-retry]");
        browser.markDocument();
        assertThat(browser.text("[data-order-lines]")).contains("Black Bay 58");
        awaitStatusWithoutReload("Confirmed");
        assertThat(browser.find("[data-order-lines] tbody td.num").getText()).isEqualTo("2");
    }

    @Test
    void twenty_orders_in_a_row_cancelled_by_the_shopper_turn_cancelled_without_a_reload() {
        for (int i = 0; i < ORDERS_IN_A_ROW; i++) {
            placeFromTheCart(CONFIRMED_SKU, 1);
            awaitStatusWithoutReload("Confirmed");
            browser.waitUntil(d -> browser.exists("[data-cancel-form] button"));
            browser.clickConfirmAndWait("[data-cancel-form] button");
            browser.markDocument();
            assertThat(browser.exists("[data-cancel-form]")).as("no second cancel while one is pending").isFalse();
            awaitStatusWithoutReload("Cancelled");
            browser.waitUntil(d -> "APPLIED".equals(browser.attribute("[data-command-id]", "data-command-status")));
            assertThat(browser.text("[data-command-message]")).isEqualTo("Order cancelled.");
            browser.waitUntil(d -> browser.text("[data-order-history]").contains("Cancelled by " + shopper));
            assertThat(browser.sameDocument()).isTrue();
            if (i == 0) {
                browser.capture("shop-order-cancelled");
            }
        }
    }

    /** Finds the item in the shop, adds it (in place) and places the order from the cart beside the list. */
    private void placeFromTheCart(String sku, int quantity) {
        browser.open("/shop?q=" + sku);
        String card = "[data-products] [data-sku='" + sku + "']";
        browser.type(card + " input[name=quantity]", Integer.toString(quantity));
        browser.find(card + " button[type=submit]").click();
        browser.waitUntil(d -> browser.exists("[data-cart] [data-place-order] button")
                && browser.attribute("[data-cart-units]", "textContent").equals(Integer.toString(quantity)));
        browser.clickAndWait("[data-cart] [data-place-order] button");
        assertThat(browser.path()).startsWith("/shop/orders/ord-");
        browser.markDocument();
    }

    /** The status badge reaches {@code label} while the document that was rendered stays the same one. */
    private void awaitStatusWithoutReload(String label) {
        browser.waitUntil(d -> label.equals(browser.text("[data-order-status]")));
        assertThat(browser.sameDocument()).as("the order page was not reloaded").isTrue();
    }

    private void awaitAvailable(String sku, int units) {
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(sku).map(ItemDetail::available)
                .orElse(-1) == units);
    }
}
