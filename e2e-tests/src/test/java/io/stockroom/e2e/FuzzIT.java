package io.stockroom.e2e;

import io.stockroom.e2e.fuzz.FuzzCase;
import io.stockroom.e2e.fuzz.FuzzClients;
import io.stockroom.e2e.fuzz.FuzzRequests;
import io.stockroom.e2e.fuzz.FuzzVerdict;
import io.stockroom.support.test.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: at least 10,000 randomised malformed requests against the producer of the running system, across every
 * documented endpoint and UI form ({@code io.stockroom.e2e.fuzz}), over raw sockets. Every answer must keep the error
 * contract ({@link FuzzVerdict}); afterwards every service must be healthy and an order must still go through.
 * The seed is printed; {@code -Dfuzz.seed=<n>} repeats a run. Bounded: it stops sending after {@link #SENDING_MAX}.
 */
class FuzzIT {

    private static final int REQUESTS_MIN = 10_000;
    private static final Duration SENDING_MAX = Duration.ofSeconds(70);
    private static final int SENDERS = 12;
    private static final int FAILURES_SHOWN_MAX = 40;
    private static final Path PRODUCER_LOG = Path.of("target", "e2e-logs", Stack.PRODUCER + ".log");

    private static Stack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.get();
    }

    @Test
    void ten_thousand_malformed_requests_get_no_server_error_and_every_error_keeps_the_contract() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.printf("[fuzz] seed %d (repeat with -Dfuzz.seed=%d)%n", seed, seed);
        int port = stack.service(Stack.PRODUCER).port();
        FuzzClients clients = FuzzClients.prepare(port, stack.adminUsername(), stack.adminPassword());
        FuzzRequests requests = new FuzzRequests(seed, clients.credentials());
        long logBefore = Files.size(PRODUCER_LOG);

        Run run = send(requests, clients);

        run.print();
        List<String> errorsLogged = errorsLoggedSince(logBefore);
        assertThat(run.failures).as("answers that break the contract (first %d shown above)", FAILURES_SHOWN_MAX)
                .isEmpty();
        assertThat(run.sent.get()).as("requests sent within %s", SENDING_MAX).isGreaterThanOrEqualTo(REQUESTS_MIN);
        assertThat(errorsLogged).as("bad input is the client's error: the producer logs no ERROR for it").isEmpty();
        theSystemIsStillHealthy();
    }

    /** ERROR lines the producer wrote since {@code offset} (one client must not be able to flood the log). */
    private static List<String> errorsLoggedSince(long offset) throws IOException {
        try (var file = java.nio.channels.FileChannel.open(PRODUCER_LOG)) {
            java.nio.ByteBuffer appended = java.nio.ByteBuffer.allocate((int) Math.min(file.size() - offset, 64 << 20));
            file.read(appended, offset);
            return new String(appended.array(), 0, appended.position(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(line -> line.contains(" ERROR ")).limit(20).toList();
        }
    }

    /** What a run saw: answers by status, and the cases whose answer broke the contract. */
    private static final class Run {
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        long millis;

        void record(FuzzCase fuzzCase, RawHttp.Response response, Optional<String> verdict) {
            statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
            verdict.ifPresent(problem -> failures.add(fuzzCase.describe() + " -> " + problem + " | " + response));
        }

        void print() {
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
            System.out.printf("[fuzz] %d requests in %d ms (%.0f/s); answers by status: %s; contract broken: %d%n",
                    sent.get(), millis, sent.get() * 1000.0 / Math.max(1, millis), byStatus, failures.size());
            Map<String, Long> kinds = new TreeMap<>();
            failures.forEach(failure -> kinds.merge(failure.replaceAll(".* -> ", "").replaceAll(" \\|.*", "")
                    .replaceAll(":.*", ""), 1L, Long::sum));
            kinds.forEach((kind, count) -> System.out.printf("[fuzz] broken %5d x %s%n", count, kind));
            failures.stream().limit(FAILURES_SHOWN_MAX).forEach(failure -> System.out.println("[fuzz] FAIL " + failure));
        }
    }

    private static Run send(FuzzRequests requests, FuzzClients clients) throws InterruptedException {
        Run run = new Run();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + SENDING_MAX.toNanos();
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < REQUESTS_MIN && System.nanoTime() < deadline) {
                        FuzzCase fuzzCase = requests.generate(index);
                        RawHttp.Response response;
                        try {
                            response = clients.client(fuzzCase.client()).exchange(fuzzCase.request());
                        } catch (UncheckedIOException e) {
                            response = new RawHttp.Response(-1, Map.of(), new byte[0]);
                        }
                        run.record(fuzzCase, response, FuzzVerdict.check(fuzzCase, response));
                        run.sent.incrementAndGet();
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(SENDING_MAX.toSeconds() + 60, TimeUnit.SECONDS);
        }
        run.millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return run;
    }

    /** Every service answers UP, the health service sees them UP, and an order goes from PLACED to CONFIRMED. */
    private static void theSystemIsStillHealthy() {
        for (String module : stack.modules()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.service(module).healthy());
        }
        Api health = Api.as(stack.healthUrl(), HealthWiring.VIEWER, HealthWiring.VIEWER_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode services = health.get("/api/health").body().path("services");
            assertThat(services.size()).isEqualTo(4);
            services.forEach(service -> assertThat(service.path("state").asString())
                    .as(service.path("name").asString()).isEqualTo("UP"));
        });
        Api admin = Api.as(stack.producerUrl(), stack.adminUsername(), stack.adminPassword());
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "AF-" + suffix;
        String sku = "AFTER-FUZZ-" + suffix;
        admin.command("/api/locations", Map.of("code", location, "name", "After the fuzz", "type", "STORE",
                "priority", 1));
        admin.command("/api/items", Map.of("sku", sku, "name", "Survivor", "brand", "Casio", "category", "watches",
                "price", Map.of("amount", "999.00", "currency", "INR"), "attributes", Map.of(), "lowStockThreshold", 0));
        admin.command("/api/stock/" + sku + "/" + location + "/receive", Map.of("quantity", 3));
        String shopperName = "after-fuzz-" + suffix.toLowerCase();
        String password = "after the fuzz " + suffix;
        assertThat(Api.anonymous(stack.producerUrl()).post("/api/accounts", Map.of("username", shopperName,
                "password", password)).status()).isEqualTo(201);
        Api shopper = Api.as(stack.producerUrl(), shopperName, password);
        Api.Response placed = shopper.post("/api/orders", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1))),
                Map.of("Idempotency-Key", "after-fuzz-" + suffix));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
        assertThat(shopper.awaitJson("/api/orders/" + placed.body().get("orderId").asString(),
                order -> !"PLACED".equals(order.get("status").asString())).get("status").asString())
                .isEqualTo("CONFIRMED");
    }
}
