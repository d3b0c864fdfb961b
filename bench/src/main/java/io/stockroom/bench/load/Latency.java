package io.stockroom.bench.load;

/**
 * A latency distribution in milliseconds: how many values, median, 99th percentile and maximum (NaN when empty).
 */
public record Latency(int count, double p50Millis, double p99Millis, double maxMillis) {

    public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);

    /** From durations in nanoseconds. */
    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        Percentiles percentiles = Percentiles.of(nanos);
        return new Latency(nanos.length, millis(percentiles.at(50)), millis(percentiles.at(99)),
                millis(percentiles.max()));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
