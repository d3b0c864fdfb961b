package io.stockroom.producer.order.domain;

import io.stockroom.contracts.Require;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderIdsTest {

    @Test
    void the_same_user_and_key_always_name_the_same_order_and_other_users_never_share_it() {
        assertThat(OrderIds.of("alice", "key-12345")).isEqualTo(OrderIds.of("alice", "key-12345"));
        assertThat(OrderIds.of("alice", "key-12345")).isNotEqualTo(OrderIds.of("bob", "key-12345"));
        assertThat(Require.id("orderId", OrderIds.of("alice", "key-12345"))).startsWith("ord-");
    }

    @Test
    void keys_must_be_8_to_64_printable_characters() {
        assertThatThrownBy(() -> OrderIds.of("alice", "short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderIds.of("alice", "x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderIds.of("alice", "has space in")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderIds.of("alice", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
