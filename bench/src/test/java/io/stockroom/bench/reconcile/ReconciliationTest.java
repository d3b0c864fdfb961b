package io.stockroom.bench.reconcile;

import io.stockroom.bench.load.OrderRegistry;
import io.stockroom.bench.load.TrackedOrder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private final OrderRegistry registry = new OrderRegistry();
    private final Map<String, OrderState> records = new HashMap<>();

    private void order(String id, int units, String streamStatus, OrderState record) {
        registry.accepted(id, "w", 0, units, 1, 1, 2, () -> {
        });
        if (streamStatus != null) {
            registry.terminal(id, streamStatus, 3);
        }
        if (record != null) {
            records.put(id, record);
        }
    }

    private Reconciliation reconcile() {
        return Reconciliation.of(registry.of("w"), records);
    }

    @Test
    void ordersSettledOnceAndSeenSoOnTheStreamAreClean() {
        order("a", 2, "CONFIRMED", new OrderState(200, "CONFIRMED", 1));
        order("b", 1, "REJECTED", new OrderState(200, "REJECTED", 1));

        Reconciliation result = reconcile();

        assertThat(result.clean()).isTrue();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.confirmed()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.confirmedUnits()).isEqualTo(2);
    }

    @Test
    void anOrderStillPlacedAfterTheDrainIsReportedAsNotSettled() {
        order("slow", 1, null, new OrderState(200, "PLACED", 0));

        Reconciliation result = reconcile();

        assertThat(result.clean()).isFalse();
        assertThat(result.notSettled().count()).isEqualTo(1);
        assertThat(result.notSettled().examples()).containsExactly("slow (PLACED)");
    }

    @Test
    void anAcceptedOrderTheApiDoesNotKnowIsMissingAndNeverHidden() {
        order("gone", 1, "CONFIRMED", new OrderState(404, null, 0));
        order("unfetched", 1, "CONFIRMED", null);

        Reconciliation result = reconcile();

        assertThat(result.clean()).isFalse();
        assertThat(result.missing().count()).isEqualTo(2);
        assertThat(result.missing().toString()).contains("gone (HTTP 404)", "unfetched (not fetched)");
    }

    @Test
    void anOrderWhoseHistoryHoldsTwoTerminalStatusesWasAppliedTwice() {
        order("twice", 1, "CONFIRMED", new OrderState(200, "CONFIRMED", 2));

        Reconciliation result = reconcile();

        assertThat(result.clean()).isFalse();
        assertThat(result.multipleTerminal().count()).isEqualTo(1);
    }

    @Test
    void aStreamThatSaidSomethingElseThanTheRecordIsADisagreement() {
        order("x", 1, "REJECTED", new OrderState(200, "CONFIRMED", 1));
        order("y", 1, "CONFIRMED", new OrderState(200, "CONFIRMED", 1));
        registry.terminal("y", "REJECTED", 4);

        Reconciliation result = reconcile();

        assertThat(result.clean()).isFalse();
        assertThat(result.disagreeing().count()).isEqualTo(2);
        assertThat(result.disagreeing().toString()).contains("stream CONFIRMED then REJECTED");
    }

    @Test
    void aSettledOrderTheStreamMissedIsCountedButIsNotAFailureAndRepeatsAreCounted() {
        order("missed", 1, null, new OrderState(200, "CONFIRMED", 1));
        order("echo", 1, "CONFIRMED", new OrderState(200, "CONFIRMED", 1));
        registry.terminal("echo", "CONFIRMED", 9);

        Reconciliation result = reconcile();

        assertThat(result.clean()).isTrue();
        assertThat(result.notOnStream().count()).isEqualTo(1);
        assertThat(result.streamRepeats()).isEqualTo(1);
    }

    @Test
    void examplesAreCappedButTheCountIsComplete() {
        for (int i = 0; i < 12; i++) {
            order("p" + i, 1, null, new OrderState(200, "PLACED", 0));
        }

        Reconciliation result = reconcile();

        assertThat(result.notSettled().count()).isEqualTo(12);
        assertThat(result.notSettled().examples()).hasSize(Reconciliation.EXAMPLES_MAX);
        assertThat(List.copyOf(registry.of("w"))).extracting(TrackedOrder::orderId).hasSize(12);
    }
}
