package io.stockroom.bench.ceiling;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RabbitMQ PerfTest's summary: average sending and receiving rates (msg/s) and the confirm latency median and 99th
 * percentile (microseconds), parsed from the lines it prints when the run ends.
 */
public record PerfTestResult(long sendingPerSecond, long receivingPerSecond, long confirmP50Micros,
                             long confirmP99Micros) {

    private static final Pattern SENDING = Pattern.compile("sending rate avg: (\\d+) msg/s");
    private static final Pattern RECEIVING = Pattern.compile("receiving rate avg: (\\d+) msg/s");
    private static final Pattern CONFIRM = Pattern.compile(
            "confirm latency min/median/75th/95th/99th (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+) \\S*s");

    /** Empty when the summary lines are not there (the run failed or was cut short). */
    public static Optional<PerfTestResult> parse(String output) {
        Matcher sending = SENDING.matcher(output);
        Matcher receiving = RECEIVING.matcher(output);
        Matcher confirm = CONFIRM.matcher(output);
        if (!sending.find() || !receiving.find()) {
            return Optional.empty();
        }
        // The summary's confirm line is the last one (the per-second lines use a different layout).
        long p50 = -1;
        long p99 = -1;
        while (confirm.find()) {
            p50 = Long.parseLong(confirm.group(2));
            p99 = Long.parseLong(confirm.group(5));
        }
        return Optional.of(new PerfTestResult(Long.parseLong(sending.group(1)), Long.parseLong(receiving.group(1)),
                p50, p99));
    }
}
