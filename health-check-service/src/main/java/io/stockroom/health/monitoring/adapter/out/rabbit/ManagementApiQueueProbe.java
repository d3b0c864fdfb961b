package io.stockroom.health.monitoring.adapter.out.rabbit;

import io.stockroom.contracts.Topology;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.QueueStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads queue figures from RabbitMQ's management HTTP API. Depth and rates come from {@code /api/queues/{vhost}},
 * which RabbitMQ refreshes only every {@code collect_statistics_interval} (5 s by default: measured here, a closed
 * consumer still showed there for about 5 s). Consumer counts therefore come from {@code /api/consumers/{vhost}},
 * which changes as soon as a consumer is cancelled or its connection drops (measured: under 50 ms), so a lost consumer
 * is seen within one poll.
 */
public final class ManagementApiQueueProbe {

    private static final int BODY_BYTES_MAX = 8 * 1024 * 1024;
    private static final String QUEUE_COLUMNS = "name,messages_ready,messages_unacknowledged,consumers,"
            + "message_stats.publish_details.rate,message_stats.deliver_get_details.rate";

    private final HttpClient http;
    private final JsonMapper json;
    private final URI queuesUri;
    private final URI consumersUri;
    private final String authorization;
    private final Duration timeout;
    private final Clock clock;

    public ManagementApiQueueProbe(String baseUrl, String username, String password, String vhost,
                                   Duration timeout, JsonMapper json, Clock clock) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String encodedVhost = URLEncoder.encode(vhost, StandardCharsets.UTF_8).replace("+", "%20");
        this.queuesUri = URI.create(base + "/api/queues/" + encodedVhost + "?columns=" + QUEUE_COLUMNS);
        this.consumersUri = URI.create(base + "/api/consumers/" + encodedVhost + "?columns=queue.name");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The watched queues and their DLQs, or an exception saying why the API could not be used. */
    public QueueSnapshot observe(Collection<String> queues) throws IOException {
        Map<String, JsonNode> listed = byName(get(queuesUri));
        Map<String, Integer> consumers = consumerCounts(get(consumersUri));
        Map<String, QueueStats> stats = new LinkedHashMap<>();
        for (String queue : queues) {
            JsonNode node = listed.get(queue);
            if (node == null) {
                stats.put(queue, QueueStats.missing(queue));
                continue;
            }
            JsonNode dlq = listed.get(Topology.deadLetterQueue(queue));
            Long deadLetters = dlq == null ? null
                    : dlq.path("messages_ready").asLong(0) + dlq.path("messages_unacknowledged").asLong(0);
            stats.put(queue, new QueueStats(queue, true, node.path("messages_ready").asLong(0),
                    node.path("messages_unacknowledged").asLong(0), consumers.getOrDefault(queue, 0),
                    rate(node, "publish_details"), rate(node, "deliver_get_details"), deadLetters));
        }
        return new QueueSnapshot(QueueSource.MANAGEMENT_API, null, clock.instant(), stats);
    }

    private JsonNode get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(BODY_BYTES_MAX + 1);
                if (response.statusCode() != 200) {
                    throw new IOException("management API answered HTTP " + response.statusCode() + " for "
                            + uri.getPath());
                }
                if (bytes.length > BODY_BYTES_MAX) {
                    throw new IOException("management API answer larger than " + BODY_BYTES_MAX + " bytes");
                }
                return json.readTree(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException("management API answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, JsonNode> byName(JsonNode array) throws IOException {
        if (!array.isArray()) {
            throw new IOException("management API did not answer a list of queues");
        }
        Map<String, JsonNode> byName = new HashMap<>();
        array.forEach(node -> byName.put(node.path("name").asString(""), node));
        return byName;
    }

    private static Map<String, Integer> consumerCounts(JsonNode array) throws IOException {
        if (!array.isArray()) {
            throw new IOException("management API did not answer a list of consumers");
        }
        Map<String, Integer> counts = new HashMap<>();
        array.forEach(node -> counts.merge(node.path("queue").path("name").asString(""), 1, Integer::sum));
        return counts;
    }

    private static Double rate(JsonNode queue, String details) {
        JsonNode rate = queue.path("message_stats").path(details).path("rate");
        return rate.isNumber() ? rate.asDouble() : null;
    }
}
