package io.stockroom.order.application;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many more store writes the "process" lives for, shared by the in-memory stores of one test so that a kill can
 * fall between any two writes of either store. Unlimited until {@link #dieAfter} is called.
 */
final class WriteBudget {

    private final AtomicInteger left = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger spent = new AtomicInteger();

    /** The write after {@code writes} more throws {@link ProcessDied} instead of writing. */
    void dieAfter(int writes) {
        left.set(writes);
    }

    void revive() {
        left.set(Integer.MAX_VALUE);
    }

    /** Writes counted since the start (the deaths excluded). */
    int spent() {
        return spent.get();
    }

    /** Called before each single-document write. */
    void write() {
        if (left.getAndDecrement() <= 0) {
            throw new ProcessDied();
        }
        spent.incrementAndGet();
    }

    /** Stands for kill -9 between two store writes. */
    static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died here");
        }
    }
}
