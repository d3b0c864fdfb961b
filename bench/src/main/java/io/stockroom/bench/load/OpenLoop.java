package io.stockroom.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed-rate workload: orders are due on a {@link Schedule} (e.g. 1,000/s) whether or not earlier ones were
 * answered, sent by a bounded pool of sender threads (connections), round-robin over the shoppers. Latency counts
 * from the intended time. If the unsettled backlog exceeds {@code backlogMax}, the system is not sustaining the rate:
 * the loop stops early and says so, rather than queueing minutes of work.
 */
public final class OpenLoop {

    private final OrderPlacer placer;
    private final OrderRegistry registry;
    private final int senders;
    private final long backlogMax;

    public OpenLoop(OrderPlacer placer, OrderRegistry registry, int senders, long backlogMax) {
        if (senders < 1 || senders > 4_096) {
            throw new IllegalArgumentException("senders must be 1..4096");
        }
        if (backlogMax < 1) {
            throw new IllegalArgumentException("backlogMax must be positive");
        }
        this.placer = placer;
        this.registry = registry;
        this.senders = senders;
        this.backlogMax = backlogMax;
    }

    public LoadWindow run(String workload, OrderMix mix, double ratePerSecond, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        Schedule schedule = new Schedule(start, ratePerSecond, duration.toNanos());
        AtomicLong accepted = new AtomicLong();
        AtomicLong settled = new AtomicLong();
        AtomicReference<String> aborted = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            threads.add(Thread.ofVirtual().name("sender-" + i).start(() -> {
                long slot;
                while (aborted.get() == null && (slot = schedule.claim()) >= 0) {
                    long due = schedule.intendedAt(slot);
                    sleepUntil(due);
                    long backlog = accepted.get() - settled.get();
                    if (backlog > backlogMax) {
                        aborted.compareAndSet(null, "stopped after " + secondsSince(start) + " s: " + backlog
                                + " accepted orders unsettled (more than " + backlogMax + "); the system does not"
                                + " sustain " + Math.round(ratePerSecond) + " orders/s");
                        return;
                    }
                    int shopper = (int) (slot % placer.shoppers());
                    OrderMix.Next order = mix.next();
                    long sent = System.nanoTime();
                    try {
                        OrderPlacer.Placement placement = placer.place(shopper, order.body());
                        if (placement.accepted()) {
                            accepted.incrementAndGet();
                            registry.accepted(placement.orderId(), workload, shopper, order.units(), due, sent,
                                    placement.acceptedNanos(), settled::incrementAndGet);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // The window ends when the last sender is done: a system that answers late stretches it, which lowers its
        // accepted/s below the offered rate, as it should.
        return new LoadWindow(start, start, System.nanoTime(), aborted.get());
    }

    private static void sleepUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static String secondsSince(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
