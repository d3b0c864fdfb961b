package io.stockroom.bench.metrics;

import io.stockroom.bench.metrics.PrometheusText.Series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a workload's time went, per hop: the difference between two scrapes of a service's metrics. Timers shown: every
 * {@code stockroom_*} timer (publish with confirm, message handling per queue and type, reservation, ...) and the
 * HTTP server timer of {@code POST /api/orders}; counters shown: every {@code stockroom_*} counter that moved.
 */
public final class HopTable {

    /** Labels every series carries or that say nothing about the hop. */
    private static final Set<String> HIDDEN_LABELS = Set.of("application", "instance", "service");
    private static final String HTTP_TIMER = "http_server_requests_seconds";

    private HopTable() {
    }

    public static List<HopRow> between(String service, Map<Series, Double> before, Map<Series, Double> after) {
        List<HopRow> rows = new ArrayList<>();
        for (Map.Entry<Series, Double> sample : after.entrySet()) {
            Series series = sample.getKey();
            String name = series.name();
            if (name.endsWith("_seconds_count")) {
                String timer = name.substring(0, name.length() - "_count".length());
                if (!shownTimer(timer, series)) {
                    continue;
                }
                long count = Math.round(sample.getValue() - before.getOrDefault(series, 0.0));
                if (count <= 0) {
                    continue;
                }
                double sum = after.getOrDefault(series.renamed(timer + "_sum"), Double.NaN)
                        - before.getOrDefault(series.renamed(timer + "_sum"), 0.0);
                double max = after.getOrDefault(series.renamed(timer + "_max"), Double.NaN);
                rows.add(new HopRow(service, timer, tags(series), count, sum / count * 1_000, max * 1_000));
            } else if (name.startsWith("stockroom_") && name.endsWith("_total")) {
                long count = Math.round(sample.getValue() - before.getOrDefault(series, 0.0));
                if (count > 0) {
                    rows.add(new HopRow(service, name, tags(series), count, Double.NaN, Double.NaN));
                }
            }
        }
        rows.sort(Comparator.comparing(HopRow::metric).thenComparing(HopRow::tags));
        return rows;
    }

    private static boolean shownTimer(String timer, Series series) {
        if (timer.startsWith("stockroom_")) {
            return true;
        }
        return timer.equals(HTTP_TIMER) && "/api/orders".equals(series.labels().get("uri"))
                && "POST".equals(series.labels().get("method"));
    }

    private static String tags(Series series) {
        return series.labels().entrySet().stream().filter(e -> !HIDDEN_LABELS.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
