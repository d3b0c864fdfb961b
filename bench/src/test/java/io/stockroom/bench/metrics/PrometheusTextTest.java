package io.stockroom.bench.metrics;

import io.stockroom.bench.metrics.PrometheusText.Series;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    @Test
    void samplesWithAndWithoutLabelsAreReadAndCommentsSkipped() {
        Map<Series, Double> samples = PrometheusText.parse("""
                # HELP jvm_threads_live_threads live threads
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads 42.0
                stockroom_orders_confirmed_total{application="order-processing-consumer"} 1234.0
                http_server_requests_seconds_max{method="POST",uri="/api/orders",status="202"} +Inf
                """);

        assertThat(samples).hasSize(3);
        assertThat(samples.get(Series.of("jvm_threads_live_threads", Map.of()))).isEqualTo(42.0);
        assertThat(samples.get(Series.of("stockroom_orders_confirmed_total",
                Map.of("application", "order-processing-consumer")))).isEqualTo(1234.0);
        assertThat(samples.get(Series.of("http_server_requests_seconds_max",
                Map.of("method", "POST", "uri", "/api/orders", "status", "202")))).isInfinite();
    }

    @Test
    void labelValuesMayHoldCommasBracesAndEscapedQuotes() {
        Map<Series, Double> samples = PrometheusText.parse(
                "x_total{reason=\"a, b} \\\"c\\\" \\\\ d\",queue=\"q\"} 7 1700000000000\n");

        assertThat(samples).containsEntry(Series.of("x_total", Map.of("reason", "a, b} \"c\" \\ d", "queue", "q")),
                7.0);
    }

    @Test
    void labelOrderDoesNotMakeADifferentSeries() {
        assertThat(Series.of("m", Map.of("a", "1", "b", "2"))).isEqualTo(Series.of("m", Map.of("b", "2", "a", "1")));
    }

    @Test
    void aLineThatIsNotASampleIsAnErrorThatNamesTheLine() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=1} 2\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}
