package io.stockroom.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankPercentilesOfOneToAHundredAreTheValuesThemselves() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // unsorted on purpose
        }

        Percentiles percentiles = Percentiles.of(values);

        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.at(0.5)).isEqualTo(1);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void theNinetyNinthPercentileOfASmallSampleIsItsLargestValueNotAnInterpolation() {
        Percentiles percentiles = Percentiles.of(new long[]{10, 20, 30, 1_000});

        assertThat(percentiles.at(50)).isEqualTo(20);
        assertThat(percentiles.at(99)).isEqualTo(1_000);
    }

    @Test
    void theCallersArrayIsNotReordered() {
        long[] values = {3, 1, 2};

        Percentiles.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void noValuesGiveMinusOneAndAPercentOutsideTheRangeIsRefused() {
        assertThat(Percentiles.of(new long[0]).at(99)).isEqualTo(-1);
        assertThat(Latency.ofNanos(new long[0])).isEqualTo(Latency.NONE);
        assertThatThrownBy(() -> Percentiles.of(new long[]{1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[]{1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyIsReportedInMillisecondsFromNanoseconds() {
        Latency latency = Latency.ofNanos(new long[]{1_000_000, 2_000_000, 250_000_000});

        assertThat(latency.count()).isEqualTo(3);
        assertThat(latency.p50Millis()).isEqualTo(2.0);
        assertThat(latency.p99Millis()).isEqualTo(250.0);
        assertThat(latency.maxMillis()).isEqualTo(250.0);
    }
}
