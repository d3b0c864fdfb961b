package io.stockroom.bench.metrics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deepest each queue got while a workload ran, from the RabbitMQ management API's queue list sampled about once a
 * second: messages waiting (ready) and delivered but not yet acknowledged. A queue that fills up is the hop that does
 * not keep up; one that stays near empty is not the bottleneck. Thread-safe.
 */
public final class QueueDepths {

    /** One queue's deepest sample. */
    public record Depth(String queue, long readyMax, long unackedMax, long totalMax) {
    }

    private final Map<String, Depth> deepest = new TreeMap<>();
    private int samples;

    /** Folds in one sample: the JSON array {@code GET /api/queues/<vhost>} answers. */
    public synchronized void add(String queuesJson, JsonMapper json) {
        samples++;
        for (JsonNode queue : json.readTree(queuesJson)) {
            String name = queue.path("name").asString("");
            long ready = queue.path("messages_ready").asLong(0);
            long unacked = queue.path("messages_unacknowledged").asLong(0);
            deepest.merge(name, new Depth(name, ready, unacked, ready + unacked), (a, b) -> new Depth(name,
                    Math.max(a.readyMax(), b.readyMax()), Math.max(a.unackedMax(), b.unackedMax()),
                    Math.max(a.totalMax(), b.totalMax())));
        }
    }

    public synchronized int samples() {
        return samples;
    }

    /** Queues that held anything, deepest first. */
    public synchronized List<Depth> nonEmpty() {
        List<Depth> depths = new ArrayList<>(deepest.values().stream().filter(d -> d.totalMax() > 0).toList());
        depths.sort(Comparator.comparingLong(Depth::totalMax).reversed().thenComparing(Depth::queue));
        return depths;
    }
}
