package io.stockroom.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WorkloadFiguresTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private final OrderRegistry registry = new OrderRegistry();

    /** Sent at {@code sentMs}, answered 5 ms later, settled at {@code settledMs} (negative: never). */
    private void order(String id, long sentMs, long settledMs, String status, int units) {
        registry.accepted(id, "w", 0, units, sentMs * MS, sentMs * MS, (sentMs + 5) * MS, () -> {
        });
        if (settledMs >= 0) {
            registry.terminal(id, status, settledMs * MS);
        }
    }

    @Test
    void ratesCountOnlyTheMeasuredWindowWhileTotalsCountEverything() {
        order("warm-up", 500, 900, "CONFIRMED", 1);       // before the window: total only
        order("a", 1_000, 1_100, "CONFIRMED", 2);          // accepted and settled inside
        order("b", 2_000, 2_300, "REJECTED", 1);
        order("c", 2_900, 3_400, "CONFIRMED", 1);          // settles after the window
        order("d", 2_950, -1, null, 3);                     // never settled

        WorkloadFigures figures = WorkloadFigures.of(registry.of("w"), 1 * S, 3 * S);

        assertThat(figures.windowSeconds()).isEqualTo(2.0);
        assertThat(figures.acceptedInWindow()).isEqualTo(4);
        assertThat(figures.settledInWindow()).isEqualTo(2);
        assertThat(figures.acceptedPerSecond()).isEqualTo(2.0);
        assertThat(figures.settledPerSecond()).isEqualTo(1.0);
        assertThat(figures.acceptedTotal()).isEqualTo(5);
        assertThat(figures.confirmedTotal()).isEqualTo(3);
        assertThat(figures.rejectedTotal()).isEqualTo(1);
        assertThat(figures.unsettledTotal()).isEqualTo(1);
        assertThat(figures.confirmedUnits()).isEqualTo(4);
        assertThat(figures.orderedUnits()).isEqualTo(8);
    }

    @Test
    void latenciesAreOfOrdersAcceptedInTheWindowFromAnswerToStatus() {
        order("warm-up", 100, 10_100, "CONFIRMED", 1);    // huge, but outside the window
        order("a", 1_000, 1_105, "CONFIRMED", 1);          // 100 ms after its answer at 1,005
        order("b", 1_500, 1_805, "CONFIRMED", 1);          // 300 ms

        WorkloadFigures figures = WorkloadFigures.of(registry.of("w"), 1 * S, 2 * S);

        assertThat(figures.acceptedToSettled().count()).isEqualTo(2);
        assertThat(figures.acceptedToSettled().p50Millis()).isCloseTo(100.0, within(1e-9));
        assertThat(figures.acceptedToSettled().p99Millis()).isCloseTo(300.0, within(1e-9));
        assertThat(figures.sentToAccepted().p99Millis()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void openLoopLatencyCountsFromTheIntendedTimeSoALateSendShowsItsQueueing() {
        // Due at 1,000 ms but sent only at 1,400 ms (every sender was busy): answered 1,410, settled 1,500.
        registry.accepted("late", "open", 0, 1, 1_000 * MS, 1_400 * MS, 1_410 * MS, () -> {
        });
        registry.terminal("late", "CONFIRMED", 1_500 * MS);

        WorkloadFigures figures = WorkloadFigures.of(registry.of("open"), 1 * S, 2 * S);

        assertThat(figures.sentToAccepted().p99Millis()).isCloseTo(10.0, within(1e-9));
        assertThat(figures.intendedToAccepted().p99Millis()).isCloseTo(410.0, within(1e-9));
        assertThat(figures.acceptedToSettled().p99Millis()).isCloseTo(90.0, within(1e-9));
        assertThat(figures.intendedToSettled().p99Millis()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void noOrdersGiveZeroCountsAndNoLatency() {
        WorkloadFigures figures = WorkloadFigures.of(List.of(), 0, S);

        assertThat(figures.acceptedPerSecond()).isZero();
        assertThat(figures.acceptedToSettled()).isEqualTo(Latency.NONE);
    }
}
