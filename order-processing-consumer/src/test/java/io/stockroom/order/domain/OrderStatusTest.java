package io.stockroom.order.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    @Test
    void a_placed_order_ends_confirmed_or_goes_through_rejecting_to_rejected() {
        assertThat(OrderStatus.PLACED.successors()).containsExactlyInAnyOrder(OrderStatus.CONFIRMED,
                OrderStatus.REJECTING);
        assertThat(OrderStatus.REJECTING.successors()).containsExactly(OrderStatus.REJECTED);
    }

    @Test
    void only_a_confirmed_order_can_be_cancelled_or_fulfilled() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canBecome(OrderStatus.CANCELLING)).isEqualTo(status == OrderStatus.CONFIRMED);
            assertThat(status.canBecome(OrderStatus.FULFILLING)).isEqualTo(status == OrderStatus.CONFIRMED);
        }
    }

    @Test
    void rejected_cancelled_and_fulfilled_are_terminal_and_nothing_else_is() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.isTerminal()).isEqualTo(status == OrderStatus.REJECTED
                    || status == OrderStatus.CANCELLED || status == OrderStatus.FULFILLED);
        }
    }

    @Test
    void no_status_leads_back_to_placed() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canBecome(OrderStatus.PLACED)).isFalse();
        }
    }
}
