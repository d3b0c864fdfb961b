package io.stockroom.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The maximum-rate workload: N shoppers, each on its own virtual thread, each keeping at most {@code inflight} orders
 * unsettled. A shopper places an order as soon as it has room, and gets room back when an order's terminal status
 * reaches its live stream. The system is never offered more than {@code shoppers x inflight} unsettled orders, so
 * what it sustains is its end-to-end throughput, and the backlog left at the end is bounded.
 */
public final class ClosedLoop {

    private final OrderPlacer placer;
    private final OrderRegistry registry;
    private final int inflight;

    public ClosedLoop(OrderPlacer placer, OrderRegistry registry, int inflight) {
        if (inflight < 1 || inflight > 1_000) {
            throw new IllegalArgumentException("inflight must be 1..1000");
        }
        this.placer = placer;
        this.registry = registry;
        this.inflight = inflight;
    }

    /** Runs {@code warmup + measured}, then returns (orders may still be settling: drain them). */
    public LoadWindow run(String workload, OrderMix mix, Duration warmup, Duration measured)
            throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long end = windowStart + measured.toNanos();
        List<Thread> shoppers = new ArrayList<>();
        for (int shopper = 0; shopper < placer.shoppers(); shopper++) {
            int index = shopper;
            shoppers.add(Thread.ofVirtual().name("shopper-" + shopper)
                    .start(() -> shop(workload, mix, index, end)));
        }
        for (Thread shopper : shoppers) {
            shopper.join();
        }
        return new LoadWindow(start, windowStart, end, null);
    }

    private void shop(String workload, OrderMix mix, int shopper, long end) {
        Semaphore room = new Semaphore(inflight);
        try {
            while (System.nanoTime() - end < 0) {
                if (!room.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                OrderMix.Next order = mix.next();
                long sent = System.nanoTime();
                OrderPlacer.Placement placement = placer.place(shopper, order.body());
                if (placement.accepted()) {
                    registry.accepted(placement.orderId(), workload, shopper, order.units(), sent, sent,
                            placement.acceptedNanos(), room::release);
                } else {
                    room.release();
                    Thread.sleep(Math.max(placement.retryAfterMillis(), 10));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
