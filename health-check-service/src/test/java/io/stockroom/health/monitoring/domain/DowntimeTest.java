package io.stockroom.health.monitoring.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.stockroom.health.monitoring.domain.ServiceState.DEGRADED;
import static io.stockroom.health.monitoring.domain.ServiceState.DOWN;
import static io.stockroom.health.monitoring.domain.ServiceState.UNKNOWN;
import static io.stockroom.health.monitoring.domain.ServiceState.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DowntimeTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void a_down_period_runs_from_entering_down_to_leaving_it_whatever_comes_next() {
        List<Transition> history = List.of(
                transition(UNKNOWN, UP, 0), transition(UP, DOWN, 10), transition(DOWN, DEGRADED, 14),
                transition(DEGRADED, UP, 20), transition(UP, DOWN, 30), transition(DOWN, UP, 31));

        List<Downtime> downtimes = Downtime.from(history, T0.plusSeconds(100));

        assertThat(downtimes).extracting(Downtime::duration)
                .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(1));
        assertThat(downtimes.getFirst().start()).isEqualTo(T0.plusSeconds(10));
        assertThat(downtimes).noneMatch(Downtime::ongoing);
    }

    @Test
    void a_service_still_down_has_an_open_downtime_measured_until_now() {
        List<Downtime> downtimes = Downtime.from(List.of(transition(UNKNOWN, DOWN, 5)), T0.plusSeconds(65));

        assertThat(downtimes).singleElement().satisfies(downtime -> {
            assertThat(downtime.ongoing()).isTrue();
            assertThat(downtime.duration()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void a_transition_must_change_the_state() {
        assertThatIllegalArgumentException().isThrownBy(() -> transition(UP, UP, 0));
    }

    private static Transition transition(ServiceState from, ServiceState to, int second) {
        return new Transition("svc", from, to, "because", T0.plusSeconds(second));
    }
}
