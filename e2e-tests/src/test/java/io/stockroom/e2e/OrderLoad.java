package io.stockroom.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A continuous order load over the producer's HTTP API, as shoppers' scripts would send it: multi-line orders over
 * several SKUs, no location given (the system sources them), every order with its own Idempotency-Key, and every
 * order retried with the same key until the producer gives an answer (across its crash, the broker's outage, the
 * store's restart). It records what every answer was, so the suite can check the outcome from the outside.
 */
final class OrderLoad {

    /** A shopper account. */
    record Shopper(String username, String password) {
        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An order line as sent. */
    record Line(String sku, int quantity) {
    }

    /** An order the producer accepted (202 or 200), under its key. */
    record Accepted(String key, Shopper shopper, String orderId, List<Line> lines) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration ORDER_PAUSE = Duration.ofMillis(60);

    private final String producerUrl;
    private final List<Shopper> shoppers;
    private final List<String> skus;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<String> phase = new AtomicReference<>("steady");
    private final List<Thread> threads = new ArrayList<>();
    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    final Map<String, LongAdder> unavailableByPhase = new ConcurrentHashMap<>();
    final LongAdder unavailableWithoutRetryAfter = new LongAdder();
    final LongAdder transportFailures = new LongAdder();
    final LongAdder repeatsAnswered = new LongAdder();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();

    OrderLoad(String producerUrl, List<Shopper> shoppers, List<String> skus) {
        this.producerUrl = producerUrl;
        this.shoppers = List.copyOf(shoppers);
        this.skus = List.copyOf(skus);
    }

    /** Names what is happening now (e.g. "broker down"), so answers can be counted per phase. */
    void phase(String name) {
        phase.set(name);
    }

    void start(int senders) {
        running.set(true);
        for (int i = 0; i < senders; i++) {
            Thread thread = Thread.ofPlatform().name("order-load-" + i).start(this::run);
            threads.add(thread);
        }
    }

    /** Stops placing new orders; each sender finishes the order it is on (retrying until answered). */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60));
        }
    }

    private void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            Shopper shopper = shoppers.get(random.nextInt(shoppers.size()));
            List<Line> lines = new ArrayList<>();
            List<String> pool = new ArrayList<>(skus);
            int count = random.nextInt(1, 4);
            for (int i = 0; i < count; i++) {
                lines.add(new Line(pool.remove(random.nextInt(pool.size())), random.nextInt(1, 4)));
            }
            placeUntilAnswered(shopper, "load-" + java.util.UUID.randomUUID(), lines, Duration.ofMinutes(2));
            pause(ORDER_PAUSE);
        }
    }

    /**
     * Places an order and retries with the same key through 503s and lost connections until the producer accepts
     * it, or {@code patience} runs out. Returns the order id.
     */
    Optional<String> placeUntilAnswered(Shopper shopper, String key, List<Line> lines, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String body = JSON.writeValueAsString(Map.of("lines", lines.stream()
                .map(line -> Map.of("sku", line.sku(), "quantity", line.quantity())).toList(),
                "sourcing", ThreadLocalRandom.current().nextBoolean() ? "MOST_AVAILABLE" : "PRIORITY"));
        while (System.nanoTime() < deadline) {
            Optional<HttpResponse<String>> answer = post(shopper, key, body);
            if (answer.isEmpty()) {
                transportFailures.increment();
            } else {
                Optional<String> orderId = record(answer.get(), shopper, key, lines);
                if (orderId.isPresent()) {
                    return orderId;
                }
            }
            pause(RETRY_PAUSE);
        }
        problems.add("no answer for key " + key + " within " + patience);
        return Optional.empty();
    }

    private Optional<String> record(HttpResponse<String> answer, Shopper shopper, String key, List<Line> lines) {
        int status = answer.statusCode();
        if (status == 202 || status == 200) {
            String orderId = JSON.readTree(answer.body()).path("orderId").asString();
            Accepted earlier = accepted.putIfAbsent(key, new Accepted(key, shopper, orderId, lines));
            if (earlier != null && !earlier.orderId().equals(orderId)) {
                problems.add("key " + key + " answered order " + orderId + " after " + earlier.orderId());
            }
            if (status == 200) {
                repeatsAnswered.increment();
            }
            return Optional.of(orderId);
        }
        if (status == 503) {
            unavailableByPhase.computeIfAbsent(phase.get(), p -> new LongAdder()).increment();
            if (answer.headers().firstValue("Retry-After").isEmpty()) {
                unavailableWithoutRetryAfter.increment();
            }
        } else if (status != 429) {
            problems.add("HTTP " + status + " during '" + phase.get() + "' for key " + key + ": " + answer.body());
        }
        return Optional.empty();
    }

    private Optional<HttpResponse<String>> post(Shopper shopper, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(producerUrl + "/api/orders"))
                .timeout(Duration.ofSeconds(15)).header("Authorization", shopper.authorization())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The order as its owner sees it, or empty when the producer does not answer. */
    Optional<JsonNode> order(Accepted order) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(producerUrl + "/api/orders/" + order.orderId()))
                .timeout(Duration.ofSeconds(10)).header("Authorization", order.shopper().authorization()).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
