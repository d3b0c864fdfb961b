package io.stockroom.e2e;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Injects one fault at a time into a running {@link FaultStack} and measures how long until the system works end to
 * end again: from the fault to the moment a new order, placed after it, has reached its outcome.
 */
final class Faults {

    private static final Set<String> OUTCOMES = Set.of("CONFIRMED", "REJECTED");
    private static final Duration PROBE_MAX = Duration.ofSeconds(120);

    private final FaultStack stack;
    private final OrderLoad load;
    private final OrderLoad.Shopper prober;
    private final List<FaultReport.Round> rounds;

    Faults(FaultStack stack, OrderLoad load, OrderLoad.Shopper prober, List<FaultReport.Round> rounds) {
        this.stack = stack;
        this.load = load;
        this.prober = prober;
        this.rounds = rounds;
    }

    /** kill -9 of the given services at once, then all restarted at once (as an orchestrator would). */
    void kill(String... modules) {
        String names = String.join(" + ", modules);
        round("kill -9 " + names, "restarting " + names, () -> {
            Arrays.stream(modules).forEach(stack::kill);
            CompletableFuture.allOf(Arrays.stream(modules)
                    .map(module -> CompletableFuture.runAsync(() -> stack.restart(module)))
                    .toArray(CompletableFuture[]::new)).join();
        });
    }

    /** Runs {@code fault} (which ends when the faulty part is back), then probes until an order goes through. */
    void round(String fault, String phase, Runnable injectAndRestore) {
        load.phase(phase);
        long start = System.nanoTime();
        injectAndRestore.run();
        long restored = System.nanoTime();
        load.phase("recovering after " + fault);
        String probe = "probe-" + UUID.randomUUID();
        Optional<String> orderId = load.placeUntilAnswered(prober, probe, List.of(new OrderLoad.Line("FLT-1", 1)),
                PROBE_MAX);
        long deadline = System.nanoTime() + PROBE_MAX.toNanos();
        boolean settled = false;
        while (orderId.isPresent() && !settled && System.nanoTime() < deadline) {
            settled = load.order(load.accepted.get(probe)).map(order -> OUTCOMES.contains(order.path("status")
                    .asString())).orElse(false);
            if (!settled) {
                pause(Duration.ofMillis(100));
            }
        }
        long recovered = System.nanoTime();
        rounds.add(new FaultReport.Round(fault, Duration.ofNanos(restored - start), settled
                ? Duration.ofNanos(recovered - start) : null));
        System.out.printf("[faults] %-40s restored in %6d ms, orders flowing again after %s%n", fault,
                Duration.ofNanos(restored - start).toMillis(), settled
                        ? Duration.ofNanos(recovered - start).toMillis() + " ms" : "NEVER (within " + PROBE_MAX + ")");
        load.phase("steady");
    }

    /** Reads every accepted order until all have an outcome or {@code max} passes; returns the last seen of each. */
    static Map<String, JsonNode> awaitSettled(OrderLoad load, Duration max) {
        Map<String, JsonNode> seen = new HashMap<>();
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<OrderLoad.Accepted> open = load.accepted.values().stream().filter(order -> !seen.containsKey(
                    order.key()) || !OUTCOMES.contains(seen.get(order.key()).path("status").asString())).toList();
            open.parallelStream().forEach(order -> load.order(order).ifPresent(json -> {
                synchronized (seen) {
                    seen.put(order.key(), json);
                }
            }));
            boolean allSettled = load.accepted.keySet().stream().allMatch(key -> seen.containsKey(key)
                    && OUTCOMES.contains(seen.get(key).path("status").asString()));
            if (allSettled || System.nanoTime() > deadline) {
                return seen;
            }
            pause(Duration.ofMillis(500));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
