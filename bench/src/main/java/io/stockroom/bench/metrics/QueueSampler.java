package io.stockroom.bench.metrics;

import io.stockroom.bench.stack.RabbitManagement;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Samples a vhost's queue depths on a virtual thread until stopped. Sampling is best effort: a failing management API
 * leaves the figures empty with the reason, it never stops a workload.
 */
public final class QueueSampler {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final RabbitManagement rabbit;
    private final String vhost;
    private final QueueDepths depths = new QueueDepths();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean stopped;
    private volatile String failure;
    private Thread sampler;

    public QueueSampler(RabbitManagement rabbit, String vhost) {
        this.rabbit = rabbit;
        this.vhost = vhost;
    }

    public QueueSampler start() {
        sampler = Thread.ofVirtual().name("queue-sampler").start(() -> {
            while (!stopped) {
                try {
                    depths.add(rabbit.queues(vhost), json);
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) { // ApiFailure, or an answer that is not JSON
                    failure = e.getMessage();
                    return;
                }
            }
        });
        return this;
    }

    /** Stops sampling; returns the depths, or throws nothing and leaves {@link #failure()} set if sampling failed. */
    public QueueDepths stop() throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join();
        return depths;
    }

    /** Why sampling stopped early, or null. */
    public String failure() {
        return failure;
    }
}
