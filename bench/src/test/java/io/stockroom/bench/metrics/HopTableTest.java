package io.stockroom.bench.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HopTableTest {

    private static final String BEFORE = """
            stockroom_messages_handling_seconds_count{application="x",queue="order-processing.commands",type="order.place"} 100
            stockroom_messages_handling_seconds_sum{application="x",queue="order-processing.commands",type="order.place"} 4.0
            stockroom_messages_handling_seconds_max{application="x",queue="order-processing.commands",type="order.place"} 0.5
            http_server_requests_seconds_count{method="POST",uri="/api/orders",status="202"} 10
            http_server_requests_seconds_sum{method="POST",uri="/api/orders",status="202"} 1.0
            stockroom_orders_confirmed_total{application="x"} 90
            """;
    private static final String AFTER = """
            stockroom_messages_handling_seconds_count{application="x",queue="order-processing.commands",type="order.place"} 300
            stockroom_messages_handling_seconds_sum{application="x",queue="order-processing.commands",type="order.place"} 14.0
            stockroom_messages_handling_seconds_max{application="x",queue="order-processing.commands",type="order.place"} 0.25
            stockroom_messages_published_seconds_count{outcome="confirmed"} 5
            stockroom_messages_published_seconds_sum{outcome="confirmed"} 0.1
            http_server_requests_seconds_count{method="POST",uri="/api/orders",status="202"} 20
            http_server_requests_seconds_sum{method="POST",uri="/api/orders",status="202"} 3.0
            http_server_requests_seconds_count{method="GET",uri="/api/orders",status="200"} 50
            http_server_requests_seconds_count{method="GET",uri="/actuator/prometheus",status="200"} 9
            stockroom_orders_confirmed_total{application="x"} 290
            stockroom_orders_rejected_total{application="x",reason="OUT_OF_STOCK"} 0
            """;

    private final List<HopRow> rows = HopTable.between("svc", PrometheusText.parse(BEFORE),
            PrometheusText.parse(AFTER));

    @Test
    void aTimersRowIsItsCountAndMeanDuringTheWorkloadAndItsRecentMax() {
        HopRow handling = row("stockroom_messages_handling_seconds");

        assertThat(handling.count()).isEqualTo(200);
        assertThat(handling.meanMillis()).isCloseTo(50.0, within(1e-9)); // (14 - 4) s / 200
        assertThat(handling.maxMillis()).isCloseTo(250.0, within(1e-9));
        assertThat(handling.tags()).isEqualTo("queue=order-processing.commands type=order.place");
        assertThat(handling.service()).isEqualTo("svc");
    }

    @Test
    void aTimerThatAppearedDuringTheWorkloadCountsFromZero() {
        HopRow published = row("stockroom_messages_published_seconds");

        assertThat(published.count()).isEqualTo(5);
        assertThat(published.meanMillis()).isCloseTo(20.0, within(1e-9));
        assertThat(published.maxMillis()).isNaN();
    }

    @Test
    void onlyThePostOrdersHttpTimerIsShownNotOtherRequests() {
        assertThat(rows).filteredOn(r -> r.metric().equals("http_server_requests_seconds")).singleElement()
                .satisfies(r -> {
                    assertThat(r.count()).isEqualTo(10);
                    assertThat(r.meanMillis()).isCloseTo(200.0, within(1e-9));
                    assertThat(r.tags()).contains("method=POST", "uri=/api/orders");
                });
    }

    @Test
    void countersThatMovedAreShownWithoutTimingsAndStillOnesAreLeftOut() {
        HopRow confirmed = row("stockroom_orders_confirmed_total");

        assertThat(confirmed.count()).isEqualTo(200);
        assertThat(confirmed.meanMillis()).isNaN();
        assertThat(rows).noneMatch(r -> r.metric().equals("stockroom_orders_rejected_total"));
    }

    private HopRow row(String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }
}
