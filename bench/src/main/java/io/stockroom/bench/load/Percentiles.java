package io.stockroom.bench.load;

import java.util.Arrays;

/**
 * Exact percentiles of a set of durations (nearest-rank: the smallest value with at least p % of the values at or
 * below it). The benchmark keeps every latency, so there is no histogram error to explain away.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Copies and sorts {@code values} (nanoseconds, or any unit the caller keeps). */
    public static Percentiles of(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * @param percent in (0, 100]
     * @return the nearest-rank percentile, or -1 when there are no values
     */
    public long at(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The largest value, or -1 when there are none. */
    public long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
}
