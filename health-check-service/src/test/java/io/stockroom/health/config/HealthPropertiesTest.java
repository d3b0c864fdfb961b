package io.stockroom.health.config;

import io.stockroom.contracts.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void the_shipped_configuration_watches_the_queues_that_keep_the_stock_and_order_services_copies()
            throws Exception {
        Properties shipped = new Properties();
        try (var in = HealthPropertiesTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("shipped", shipped));

        HealthProperties bound = Binder.get(environment).bind("stockroom.health", HealthProperties.class).get();

        assertThat(bound.services()).extracting(HealthProperties.Service::name, HealthProperties.Service::queue,
                HealthProperties.Service::alsoConsumes).containsExactly(
                tuple("producer-service", Topology.PRODUCER_PROJECTIONS_QUEUE, List.of()),
                tuple("add-item-consumer", Topology.ITEM_COMMANDS_QUEUE, List.of()),
                tuple("stock-management-consumer", Topology.STOCK_COMMANDS_QUEUE,
                        List.of(Topology.STOCK_PROJECTIONS_QUEUE)),
                tuple("order-processing-consumer", Topology.ORDER_COMMANDS_QUEUE,
                        List.of(Topology.ORDER_PROJECTIONS_QUEUE)));
    }

    private static HealthProperties properties(Duration queue, Duration actuator, Duration actuatorTimeout) {
        return new HealthProperties(ONE, queue, actuator, actuatorTimeout, Duration.ofSeconds(2), "auto",
                Duration.ofSeconds(60), 50, null, Duration.ofSeconds(2), 50, RABBIT, null);
    }
}
