package io.stockroom.order.domain;

import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.RejectionReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stockroom.order.domain.OrderMother.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    @Test
    void a_placed_order_starts_at_version_one_with_named_locations_kept_and_the_others_open() {
        Order order = OrderMother.placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.lines().get(0).location()).isEqualTo("WH-1");
        assertThat(order.lines().get(1).hasLocation()).isFalse();
        assertThat(order.history()).extracting(StatusChange::status).containsExactly(OrderStatus.PLACED);
    }

    @Test
    void operation_ids_depend_only_on_the_order_and_the_line_so_retries_reuse_them() {
        Order order = OrderMother.placed();

        assertThat(order.reserveOperation(1)).isEqualTo("order-1:line:1:reserve");
        assertThat(order.withLocation(1, "DS-2").reserveOperation(1)).isEqualTo(order.reserveOperation(1));
        assertThat(order.releaseOperation(1)).isEqualTo("order-1:line:1:release");
        assertThat(order.fulfilOperation(0)).isEqualTo("order-1:line:0:fulfil");
    }

    @Test
    void a_chosen_location_is_kept_once_and_can_never_be_changed() {
        Order located = OrderMother.placed().withLocation(1, "DS-2");

        assertThat(located.lines().get(1).location()).isEqualTo("DS-2");
        assertThat(located.version()).isEqualTo(2);
        assertThatThrownBy(() -> located.withLocation(1, "WH-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> located.withLocation(0, "DS-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_order_cannot_be_confirmed_while_a_line_has_no_location() {
        assertThatThrownBy(() -> OrderMother.placed().confirmed(T0, "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a location");
    }

    @Test
    void a_confirmed_order_lists_where_every_line_is_reserved() {
        Order confirmed = OrderMother.confirmed();

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.allocations()).extracting(line -> line.location()).containsExactly("WH-1", "DS-2");
        assertThat(confirmed.history()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED);
    }

    @Test
    void a_rejection_needs_a_reason_for_every_line_and_finishes_as_rejected() {
        Order placed = OrderMother.placed();
        List<LineRejection> reasons = List.of(
                new LineRejection(0, "WATCH-A", "WH-1", RejectionReason.RELEASED_OTHER_LINE_FAILED, null),
                new LineRejection(1, "WATCH-B", null, RejectionReason.OUT_OF_STOCK, "none left"));

        Order rejected = placed.rejecting(reasons, T0, "alice").finished(T0, "alice");

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejections()).isEqualTo(reasons);
        assertThatThrownBy(() -> placed.rejecting(reasons.subList(0, 1), T0, "alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelling_remembers_the_command_who_asked_and_why() {
        Order cancelled = OrderMother.confirmed().cancelling("cmd-9", T0, "alice", "changed my mind")
                .finished(T0, "alice");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.closingCommandId()).isEqualTo("cmd-9");
        assertThat(cancelled.lastChange().detail()).isEqualTo("changed my mind");
        assertThat(cancelled.version()).isEqualTo(5);
    }

    @Test
    void invalid_transitions_are_refused() {
        Order fulfilled = OrderMother.confirmed().fulfilling("cmd-1", T0, "admin").finished(T0, "admin");

        assertThatThrownBy(() -> fulfilled.cancelling("cmd-2", T0, "alice", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FULFILLED to CANCELLING");
        assertThatThrownBy(() -> OrderMother.placed().fulfilling("cmd-3", T0, "admin"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OrderMother.confirmed().finished(T0, "admin"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fulfilled.withLocation(1, "WH-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void only_the_customer_owns_the_order() {
        assertThat(OrderMother.placed().isOwnedBy("alice")).isTrue();
        assertThat(OrderMother.placed().isOwnedBy("bob")).isFalse();
    }
}
