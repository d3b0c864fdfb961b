package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.item.Money;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.RejectionView;
import io.stockroom.producer.order.domain.StatusChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderDetailViewTest {

    private static final Money PRICE = new Money(new BigDecimal("399.00"), "EUR");

    @Test
    void a_rejected_line_reads_as_a_sentence_and_offers_what_is_available_now() {
        OrderView rejected = order(OrderStatus.REJECTED, List.of(new RejectionView(0, "DIVER", null, "OUT_OF_STOCK",
                "No active location has 3 of DIVER available (best: 2)")));

        OrderDetailView view = OrderDetailView.of(rejected, sku -> "Prospex Diver", sku -> 2);

        assertThat(view.rejections()).containsExactly("Only 2 of Prospex Diver are available; you asked for 3.");
        assertThat(view.retry().units()).isEqualTo(Map.of("DIVER", 2));
        assertThat(view.retry().label()).isEqualTo("Order the 2 available instead");
        assertThat(view.statusLabel()).isEqualTo("Rejected");
        assertThat(view.history()).extracting(OrderDetailView.Change::text).containsExactly("Order placed",
                "Not accepted: not every item could be reserved");
    }

    @Test
    void nothing_is_offered_when_nothing_is_available_and_the_total_counts_every_line() {
        OrderView rejected = order(OrderStatus.REJECTED, List.of(new RejectionView(0, "DIVER", null, "OUT_OF_STOCK",
                null)));

        OrderDetailView view = OrderDetailView.of(rejected, sku -> "Prospex Diver", sku -> 0);

        assertThat(view.retry()).isNull();
        assertThat(view.rejections()).containsExactly("Prospex Diver is out of stock.");
        assertThat(view.total()).isEqualTo("1,197.00 EUR");
        assertThat(view.totalComplete()).isTrue();
        assertThat(view.number()).isEqualTo("3F2A9C1B");
    }

    private static OrderView order(OrderStatus status, List<RejectionView> rejections) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        return new OrderView("ord-3f2a9c1b-0000-0000-0000-000000000000", "bob", status,
                List.of(new OrderLineView(0, "DIVER", 3, null, PRICE)), rejections,
                List.of(new StatusChange(OrderStatus.PLACED, at, null), new StatusChange(status, at, "DIVER: OUT")),
                1, at, "MOST_AVAILABLE");
    }
}
