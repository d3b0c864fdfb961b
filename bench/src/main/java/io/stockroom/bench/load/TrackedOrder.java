package io.stockroom.bench.load;

/**
 * One order as the benchmark's shopper saw it: when it was due, sent and accepted (HTTP 2xx), and when its first
 * terminal status arrived on the shopper's live stream. The stream and the HTTP answer race (a fast system can confirm
 * an order before the POST's answer is read), so either side may come first; both are recorded under this object's
 * lock.
 */
public final class TrackedOrder {

    /** A nanoTime that means "not yet". */
    public static final long NEVER = Long.MIN_VALUE;

    private final String orderId;
    private String workload;
    private int shopper = -1;
    private int units;
    private long intendedNanos = NEVER;
    private long sentNanos = NEVER;
    private long acceptedNanos = NEVER;
    private long settledNanos = NEVER;
    private String status;
    private int terminalEvents;
    private String conflictingStatus;
    private Runnable onSettled;

    TrackedOrder(String orderId) {
        this.orderId = orderId;
    }

    /**
     * Records the HTTP acceptance; {@code onSettled} runs once, when the terminal status is (or already was) seen.
     */
    void accepted(String workload, int shopper, int units, long intendedNanos, long sentNanos, long acceptedNanos,
                  Runnable onSettled) {
        boolean alreadySettled;
        synchronized (this) {
            if (this.acceptedNanos != NEVER) {
                throw new IllegalStateException("order " + orderId + " was accepted twice by the benchmark");
            }
            this.workload = workload;
            this.shopper = shopper;
            this.units = units;
            this.intendedNanos = intendedNanos;
            this.sentNanos = sentNanos;
            this.acceptedNanos = acceptedNanos;
            alreadySettled = settledNanos != NEVER;
            this.onSettled = alreadySettled ? null : onSettled;
        }
        if (alreadySettled && onSettled != null) {
            onSettled.run();
        }
    }

    /** Records a terminal status event; only the first one settles the order, later ones are counted. */
    void terminal(String status, long nanos) {
        Runnable release = null;
        synchronized (this) {
            terminalEvents++;
            if (settledNanos == NEVER) {
                this.status = status;
                this.settledNanos = nanos;
                release = onSettled;
                onSettled = null;
            } else if (!this.status.equals(status) && conflictingStatus == null) {
                conflictingStatus = status;
            }
        }
        if (release != null) {
            release.run();
        }
    }

    public String orderId() {
        return orderId;
    }

    public synchronized String workload() {
        return workload;
    }

    public synchronized int shopper() {
        return shopper;
    }

    public synchronized int units() {
        return units;
    }

    public synchronized boolean isAccepted() {
        return acceptedNanos != NEVER;
    }

    public synchronized boolean isSettled() {
        return settledNanos != NEVER;
    }

    public synchronized long intendedNanos() {
        return intendedNanos;
    }

    public synchronized long sentNanos() {
        return sentNanos;
    }

    public synchronized long acceptedNanos() {
        return acceptedNanos;
    }

    public synchronized long settledNanos() {
        return settledNanos;
    }

    /** The first terminal status seen on the stream, or null. */
    public synchronized String status() {
        return status;
    }

    /** How many terminal status events the stream delivered for this order (1 when all is well). */
    public synchronized int terminalEvents() {
        return terminalEvents;
    }

    /** A second, different terminal status seen on the stream, or null (it should always be null). */
    public synchronized String conflictingStatus() {
        return conflictingStatus;
    }

    /** Accepted to settled as the shopper saw it, never negative (the event may overtake the HTTP answer). */
    public synchronized long acceptedToSettledNanos() {
        if (acceptedNanos == NEVER || settledNanos == NEVER) {
            throw new IllegalStateException("order " + orderId + " is not accepted and settled");
        }
        return Math.max(0, settledNanos - acceptedNanos);
    }
}
