package io.stockroom.health.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class HealthPropertiesTest {

    private static final List<HealthProperties.Service> ONE = List.of(
            new HealthProperties.Service("svc", "http://127.0.0.1:8080", null, null));
    private static final HealthProperties.Rabbit RABBIT = new HealthProperties.Rabbit("http://127.0.0.1:15672",
            "guest", "guest", "/");

    @Test
    void the_production_defaults_are_accepted() {
        assertThatNoException().isThrownBy(() -> properties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2)));
    }

    @Test
    void polling_periods_and_timeouts_are_bounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(2))).withMessageContaining("queue-poll-interval");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofSeconds(2))).withMessageContaining("actuator-poll-interval");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(10))).withMessageContaining("actuator-timeout");
    }

    @Test
    void an_actuator_round_must_end_before_the_next_is_due() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2))).withMessageContaining("below the actuator poll");
    }

    @Test
    void there_must_be_something_to_watch() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HealthProperties(List.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2), "auto", Duration.ofSeconds(60),
                50, null, Duration.ofSeconds(2), 50, RABBIT, null));
    }

    private static HealthProperties properties(Duration queue, Duration actuator, Duration actuatorTimeout) {
        return new HealthProperties(ONE, queue, actuator, actuatorTimeout, Duration.ofSeconds(2), "auto",
                Duration.ofSeconds(60), 50, null, Duration.ofSeconds(2), 50, RABBIT, null);
    }
}
