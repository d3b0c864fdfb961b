package io.stockroom.health.monitoring.domain;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MonitoredServiceTest {

    private static final String URL = "http://127.0.0.1:8083";
    private static final String QUEUE = "order-processing.commands";

    @Test
    void further_queues_are_watched_after_the_main_queue() {
        MonitoredService service = new MonitoredService("order-processing-consumer", URL, QUEUE,
                List.of("order-processing.projections"));

        assertThat(service.watchedQueues()).containsExactly(QUEUE, "order-processing.projections");
        assertThat(new MonitoredService("web", URL, null).watchedQueues()).isEmpty();
        assertThat(new MonitoredService("svc", URL, QUEUE, null).alsoConsumes()).isEmpty();
    }

    @Test
    void further_queues_are_refused_when_duplicated_or_equal_to_the_main_queue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MonitoredService("svc", URL, QUEUE,
                List.of("a.projections", "a.projections"))).withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new MonitoredService("svc", URL, QUEUE,
                List.of(QUEUE))).withMessageContaining("its own queue");
    }

    @Test
    void further_queue_names_must_be_plain_queue_names() {
        for (String bad : new String[] {"", " a.projections", "a projections", "a/b", "-leading-dash"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new MonitoredService("svc", URL, QUEUE,
                    List.of(bad))).withMessageContaining("invalid further queue name");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new MonitoredService("svc", URL, QUEUE,
                Collections.singletonList(null)));
    }

    @Test
    void the_number_of_further_queues_is_bounded() {
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, MonitoredService.ALSO_CONSUMES_MAX)
                .mapToObj(i -> "copy-" + i + ".projections").toList();

        assertThatIllegalArgumentException().isThrownBy(() -> new MonitoredService("svc", URL, QUEUE, tooMany))
                .withMessageContaining("at most " + MonitoredService.ALSO_CONSUMES_MAX);
        assertThat(new MonitoredService("svc", URL, QUEUE, tooMany.subList(0, MonitoredService.ALSO_CONSUMES_MAX))
                .alsoConsumes()).hasSize(MonitoredService.ALSO_CONSUMES_MAX);
    }

    @Test
    void further_queues_need_a_main_queue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MonitoredService("web", URL, null,
                List.of("web.projections"))).withMessageContaining("no queue");
    }
}
