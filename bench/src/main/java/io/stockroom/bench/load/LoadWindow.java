package io.stockroom.bench.load;

/**
 * When a load phase ran, in {@link System#nanoTime()}: it started at {@code startNanos}, its measured window is
 * {@code [windowStartNanos, windowEndNanos)} (after the warm-up; an open loop that gave up ends its window then).
 *
 * @param abortedReason why an open loop stopped early, or null
 */
public record LoadWindow(long startNanos, long windowStartNanos, long windowEndNanos, String abortedReason) {
}
