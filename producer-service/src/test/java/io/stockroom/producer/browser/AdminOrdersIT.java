package io.stockroom.producer.browser;

import io.stockroom.contracts.Role;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.PlacementResult;
import io.stockroom.producer.order.domain.OrderStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Admin order management: list, filters and search, one order with lines and totals, fulfil and cancel, live. */
class AdminOrdersIT extends BrowserTest {

    static final String SKU = "ORD-WATCH";

    private String alice;
    private String bob;

    @BeforeAll
    void twoShoppersWithOrders() {
        item(SKU, "Royal Oak", "Audemars Piguet", "Sport", "28500.00", 1, 0);
        standIn().stock(SKU, WAREHOUSE, 1_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(SKU).map(i -> i.available() == 1_000)
                .orElse(false));
        alice = "alice-" + UUID.randomUUID().toString().substring(0, 6);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void an_admin_filters_by_status_customer_sku_date_and_order_number() {
        String alicesOrder = confirmedOrder(alice, 2);
        confirmedOrder(bob, 1);
        signInAsAdmin();
        browser.open("/admin/orders?customer=" + alice);
        assertThat(orderIds()).containsExactly(alicesOrder);
        assertThat(browser.text("[data-orders-table]")).contains("2 × Royal Oak").contains("57,000.00 EUR")
                .contains("Confirmed");
        browser.capture("admin-orders");
        browser.open("/admin/orders?sku=" + SKU + "&status=CONFIRMED");
        assertThat(orderIds()).contains(alicesOrder);
        browser.open("/admin/orders?status=CANCELLED&customer=" + alice);
        assertThat(orderIds()).isEmpty();
        String number = alicesOrder.substring(4, 12);
        browser.open("/admin/orders?q=" + number);
        assertThat(orderIds()).containsExactly(alicesOrder);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.open("/admin/orders?tz=UTC&from=" + today + "&to=" + today + "&customer=" + alice);
        assertThat(orderIds()).containsExactly(alicesOrder);
        browser.open("/admin/orders?tz=UTC&from=" + tomorrow + "&customer=" + alice);
        assertThat(orderIds()).isEmpty();
        browser.open("/admin/orders?from=" + tomorrow + "&to=" + today);
        assertThat(browser.text("[data-filter-errors]")).contains("start date must be before the end date");

        String csv = (String) browser.script("return fetch('/admin/orders/export.csv?customer=' + arguments[0])"
                + ".then(r => r.text());", alice);
        assertThat(csv).startsWith("order,placedAt,customer,status,sku,item,quantity,location,unitPrice,currency,"
                + "lineTotal").contains(alice + ",Confirmed," + SKU + ",Royal Oak,2," + WAREHOUSE
                + ",28500.00,EUR,57000.00");
    }

    @Test
    void an_admin_fulfils_one_order_and_cancels_another_from_its_page_and_sees_the_outcome_live() {
        String toFulfil = confirmedOrder(alice, 1);
        String toCancel = confirmedOrder(bob, 1);
        signInAsAdmin();
        browser.open("/admin/orders/" + toFulfil);
        assertThat(browser.text("[data-order-lines]")).contains("Royal Oak").contains(WAREHOUSE)
                .contains("28,500.00 EUR");
        assertThat(browser.text("[data-order-history]")).contains("Order placed").contains("Confirmed");
        browser.capture("admin-order");
        browser.clickConfirmAndWait("[data-fulfil]");
        browser.markDocument();
        assertThat(browser.exists("[data-order-actions]")).as("no second click while pending").isFalse();
        browser.waitUntil(d -> "Fulfilled".equals(browser.text("[data-order-status]")));
        browser.waitUntil(d -> "APPLIED".equals(browser.attribute("[data-command-id]", "data-command-status")));
        browser.waitUntil(d -> browser.text("[data-order-history]").contains("Fulfilled by " + ADMIN));
        assertThat(browser.sameDocument()).isTrue();
        browser.capture("admin-order-fulfilled");

        browser.open("/admin/orders/" + toCancel);
        browser.clickConfirmAndWait("[data-cancel]");
        browser.markDocument();
        browser.waitUntil(d -> "Cancelled".equals(browser.text("[data-order-status]")));
        assertThat(browser.sameDocument()).isTrue();
    }

    @Test
    void a_selection_of_orders_is_fulfilled_at_once_and_the_list_follows() {
        String first = confirmedOrder(bob, 1);
        String second = confirmedOrder(bob, 1);
        signInAsAdmin();
        browser.open("/admin/orders?status=CONFIRMED&customer=" + bob);
        browser.find("[data-order-id='" + first + "'] [data-select]").click();
        browser.find("[data-order-id='" + second + "'] [data-select]").click();
        browser.clickConfirmAndWait("[data-bulk] button[value=fulfil]");
        assertThat(browser.findAll(".command-list [data-command-id]")).hasSize(2);
        browser.markDocument();
        browser.waitUntil(d -> browser.findAll(".command-list [data-command-status=APPLIED]").size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(first, second).stream().allMatch(id ->
                orders.get(admin(), id).map(o -> o.status() == OrderStatus.FULFILLED).orElse(false)));
        browser.capture("admin-orders-bulk-fulfilled");
        assertThat(browser.sameDocument()).isTrue();
    }

    private String confirmedOrder(String customer, int units) {
        Requester shopper = new Requester(customer, Set.of(Role.USER), "127.0.0.1");
        PlacementResult placed = orders.place(shopper, "key-" + UUID.randomUUID(),
                List.of(new OrderLine(SKU, units, null)), null);
        String orderId = ((PlacementResult.Placed) placed).order().orderId();
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.get(shopper, orderId)
                .map(o -> o.status() == OrderStatus.CONFIRMED).orElse(false));
        return orderId;
    }

    private static Requester admin() {
        return new Requester(ADMIN, Set.of(Role.ADMIN), "127.0.0.1");
    }

    private List<String> orderIds() {
        return browser.findAll("[data-orders-table] tbody tr[data-order-id]").stream()
                .map(e -> e.getAttribute("data-order-id")).toList();
    }
}
