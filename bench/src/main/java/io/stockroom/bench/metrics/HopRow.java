package io.stockroom.bench.metrics;

/**
 * One hop's share of a workload: a timer (or counter) of one service, with how often it fired during the workload, its
 * mean over the workload and Micrometer's recent maximum (a decaying maximum over the last ~2 minutes).
 *
 * @param meanMillis NaN for a counter
 * @param maxMillis  NaN for a counter
 */
public record HopRow(String service, String metric, String tags, long count, double meanMillis, double maxMillis) {
}
