package io.stockroom.health.monitoring.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTrendTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Test
    void the_first_sample_is_a_baseline_not_growth() {
        DeadLetterTrend trend = DeadLetterTrend.start().next(40L, T0);

        assertThat(trend.growing(T0, WINDOW)).isFalse();
    }

    @Test
    void a_depth_that_went_up_is_growing_for_the_window_then_not() {
        DeadLetterTrend trend = DeadLetterTrend.start().next(3L, T0).next(4L, T0.plusSeconds(2));

        assertThat(trend.growing(T0.plusSeconds(2), WINDOW)).isTrue();
        assertThat(trend.next(4L, T0.plusSeconds(30)).growing(T0.plusSeconds(30), WINDOW)).isTrue();
        assertThat(trend.next(4L, T0.plusSeconds(70)).growing(T0.plusSeconds(70), WINDOW)).isFalse();
    }

    @Test
    void a_draining_or_unknown_depth_is_not_growth() {
        DeadLetterTrend trend = DeadLetterTrend.start().next(9L, T0).next(2L, T0.plusSeconds(2))
                .next(null, T0.plusSeconds(4));

        assertThat(trend.growing(T0.plusSeconds(4), WINDOW)).isFalse();
        assertThat(trend.lastDepth()).isEqualTo(2L);
    }
}
