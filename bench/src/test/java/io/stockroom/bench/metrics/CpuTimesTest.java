package io.stockroom.bench.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CpuTimesTest {

    @Test
    void idleIsIdlePlusIowaitAndTotalLeavesGuestTimeInsideUser() {
        CpuTimes times = CpuTimes.parse("""
                cpu  100 5 50 800 20 3 2 0 40 0
                cpu0 50 2 25 400 10 1 1 0 20 0
                intr 12345
                """);

        assertThat(times.idleTicks()).isEqualTo(820);
        assertThat(times.totalTicks()).isEqualTo(980);
    }

    @Test
    void theIdleShareBetweenTwoSamplesIsTheIdleTicksOverAllTicks() {
        CpuTimes before = new CpuTimes(1_000, 2_000);
        CpuTimes after = new CpuTimes(1_300, 3_000);

        assertThat(CpuTimes.idleBetween(before, after)).isCloseTo(0.3, within(1e-12));
        assertThat(CpuTimes.idleBetween(null, after)).isNaN();
        assertThat(CpuTimes.idleBetween(after, after)).isNaN();
    }

    @Test
    void somethingThatIsNotProcStatIsRefused() {
        assertThatThrownBy(() -> CpuTimes.parse("intr 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }
}
