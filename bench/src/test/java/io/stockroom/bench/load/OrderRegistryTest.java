package io.stockroom.bench.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderRegistryTest {

    private final OrderRegistry registry = new OrderRegistry();

    @Test
    void anOrderAcceptedThenConfirmedIsSettledAndReleasesItsShopperOnce() {
        AtomicInteger released = new AtomicInteger();
        TrackedOrder order = registry.accepted("o1", "spread", 0, 1, 100, 100, 150, released::incrementAndGet);

        registry.terminal("o1", "CONFIRMED", 400);
        registry.terminal("o1", "CONFIRMED", 500);

        assertThat(released).hasValue(1);
        assertThat(order.status()).isEqualTo("CONFIRMED");
        assertThat(order.settledNanos()).isEqualTo(400);
        assertThat(order.acceptedToSettledNanos()).isEqualTo(250);
        assertThat(order.terminalEvents()).isEqualTo(2);
        assertThat(order.conflictingStatus()).isNull();
    }

    @Test
    void aStatusEventThatOvertakesTheHttpAnswerIsMatchedWhenTheAnswerArrives() {
        AtomicInteger released = new AtomicInteger();
        registry.terminal("o2", "REJECTED", 140);
        assertThat(registry.unmatched()).extracting(TrackedOrder::orderId).containsExactly("o2");

        TrackedOrder order = registry.accepted("o2", "hot", 3, 1, 100, 100, 150, released::incrementAndGet);

        assertThat(released).hasValue(1);
        assertThat(order.isSettled()).isTrue();
        assertThat(order.acceptedToSettledNanos()).isZero(); // never negative
        assertThat(registry.unmatched()).isEmpty();
        assertThat(registry.of("hot")).containsExactly(order);
        assertThat(registry.of("spread")).isEmpty();
    }

    @Test
    void aSecondDifferentTerminalStatusIsKeptAsAConflictNotSilentlyDropped() {
        TrackedOrder order = registry.accepted("o3", "spread", 0, 1, 1, 1, 2, () -> {
        });

        registry.terminal("o3", "CONFIRMED", 10);
        registry.terminal("o3", "REJECTED", 11);

        assertThat(order.status()).isEqualTo("CONFIRMED");
        assertThat(order.conflictingStatus()).isEqualTo("REJECTED");
    }

    @Test
    void unsettledCountsOnlyAcceptedOrdersOfThatWorkloadWithoutAStatus() {
        registry.accepted("a", "spread", 0, 1, 1, 1, 2, () -> {
        });
        registry.accepted("b", "spread", 0, 1, 1, 1, 2, () -> {
        });
        registry.accepted("c", "hot", 0, 1, 1, 1, 2, () -> {
        });
        registry.terminal("a", "CONFIRMED", 5);
        registry.terminal("zzz", "CONFIRMED", 5);

        assertThat(registry.unsettled("spread")).isEqualTo(1);
        assertThat(registry.unsettled("hot")).isEqualTo(1);
    }

    @Test
    void theSameOrderIdAcceptedTwiceIsABugOfTheGeneratorAndSaysSo() {
        registry.accepted("d", "spread", 0, 1, 1, 1, 2, () -> {
        });

        assertThatThrownBy(() -> registry.accepted("d", "spread", 0, 1, 1, 1, 2, () -> {
        })).hasMessageContaining("accepted twice");
    }
}
