package io.stockroom.bench.metrics;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class QueueDepthsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachQueueKeepsItsDeepestSampleAndEmptyQueuesAreLeftOut() {
        QueueDepths depths = new QueueDepths();

        depths.add("""
                [{"name":"order-processing.commands","messages_ready":10,"messages_unacknowledged":100},
                 {"name":"producer.projections","messages_ready":0,"messages_unacknowledged":0}]""", json);
        depths.add("""
                [{"name":"order-processing.commands","messages_ready":3000,"messages_unacknowledged":50},
                 {"name":"producer.projections","messages_ready":0,"messages_unacknowledged":0},
                 {"name":"add-item.commands"}]""", json);

        assertThat(depths.samples()).isEqualTo(2);
        assertThat(depths.nonEmpty()).containsExactly(
                new QueueDepths.Depth("order-processing.commands", 3000, 100, 3050));
    }

    @Test
    void theDeepestQueueComesFirst() {
        QueueDepths depths = new QueueDepths();

        depths.add("""
                [{"name":"a","messages_ready":1,"messages_unacknowledged":0},
                 {"name":"b","messages_ready":5,"messages_unacknowledged":5}]""", json);

        assertThat(depths.nonEmpty()).extracting(QueueDepths.Depth::queue).containsExactly("b", "a");
    }
}
