package io.stockroom.bench.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The open loop's timetable: request {@code i} is due at {@code start + i / rate}, whatever happened to the requests
 * before it. Latency is measured from that intended time, so a system that falls behind shows its queueing instead of
 * slowing the generator down (coordinated omission). Senders claim slots from one shared counter, so every slot is
 * sent exactly once however many senders there are.
 */
public final class Schedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final double ratePerSecond;
    private final long slots;
    private final AtomicLong next = new AtomicLong();

    /**
     * @param startNanos    {@link System#nanoTime()} of slot 0
     * @param ratePerSecond offered requests per second, > 0
     * @param durationNanos how long the schedule runs; it has {@code floor(duration * rate)} slots
     */
    public Schedule(long startNanos, double ratePerSecond, long durationNanos) {
        if (!(ratePerSecond > 0) || ratePerSecond > 1_000_000) {
            throw new IllegalArgumentException("rate must be in (0, 1,000,000] per second, was " + ratePerSecond);
        }
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.slots = (long) Math.floor(durationNanos / (double) NANOS_PER_SECOND * ratePerSecond);
    }

    /** When slot {@code i} is due; computed from the start each time, so rounding never accumulates. */
    public long intendedAt(long slot) {
        return startNanos + Math.round(slot * (NANOS_PER_SECOND / ratePerSecond));
    }

    /** The next unclaimed slot, or -1 when the schedule is used up. Safe to call from any number of threads. */
    public long claim() {
        long slot = next.getAndIncrement();
        return slot < slots ? slot : -1;
    }

    /** How many slots the schedule has in all. */
    public long slots() {
        return slots;
    }

    /** How many slots were claimed (at most {@link #slots()}). */
    public long claimed() {
        return Math.min(next.get(), slots);
    }
}
