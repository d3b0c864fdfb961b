package io.stockroom.bench.setup;

import io.stockroom.bench.api.ApiFailure;
import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.api.StockroomApi;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sets up the benchmark's own data through the public API, as an admin and as shoppers would: locations, items and
 * stock as admin commands (each waited for until APPLIED; a REJECTED one stops the run with its reason), then shopper
 * accounts. Names carry the run id, so runs against a long-lived stack never collide.
 */
public final class Fixture {

    private static final int CONCURRENCY = 8;
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_PAUSE = Duration.ofMillis(200);

    private final StockroomApi api;
    private final Credentials admin;
    private final String runId;

    /** @param runId upper-case letters and digits, a few characters (part of every code and name) */
    public Fixture(StockroomApi api, Credentials admin, String runId) {
        if (!runId.matches("[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("run id must be 1-12 upper-case letters or digits");
        }
        this.api = api;
        this.admin = admin;
        this.runId = runId;
    }

    private record Command(String path, Object body) {
    }

    /** Three locations, {@code skus} spread items with {@code spreadStock} units at each location, a hot item. */
    public Catalogue create(int skus, int spreadStock) throws InterruptedException {
        List<String> locations = List.of("BENCH-" + runId + "-A", "BENCH-" + runId + "-B", "BENCH-" + runId + "-C");
        List<Command> locationCommands = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            locationCommands.add(new Command("/api/locations", Map.of("code", locations.get(i),
                    "name", "Benchmark location " + (char) ('A' + i), "type", i == 0 ? "WAREHOUSE" : "DARK_STORE",
                    "priority", i)));
        }
        applyAll(locationCommands);
        List<String> spread = new ArrayList<>();
        for (int i = 1; i <= skus; i++) {
            spread.add(String.format(Locale.ROOT, "BENCH-%s-S%04d", runId, i));
        }
        String hot = "BENCH-" + runId + "-HOT";
        List<Command> items = new ArrayList<>();
        for (String sku : spread) {
            items.add(item(sku));
        }
        items.add(item(hot));
        applyAll(items);
        List<Command> stock = new ArrayList<>();
        for (String sku : spread) {
            for (String location : locations) {
                stock.add(receiveCommand(sku, location, spreadStock));
            }
        }
        applyAll(stock);
        return new Catalogue(locations, spread, hot, locations.getFirst());
    }

    /** Receives {@code units} of {@code sku} at {@code location} and waits until it is APPLIED. */
    public void receive(String sku, String location, int units) throws InterruptedException {
        applyAll(List.of(receiveCommand(sku, location, units)));
    }

    /** Registers {@code count} shopper accounts with random passwords (in parallel: each costs a password hash). */
    public List<Credentials> registerShoppers(int count) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        List<Credentials> shoppers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            shoppers.add(new Credentials(String.format(Locale.ROOT, "bench-%s-%04d", runId.toLowerCase(Locale.ROOT),
                    i), Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        }
        forEachConcurrently(shoppers, shopper -> {
            api.register(shopper);
            return null;
        });
        return shoppers;
    }

    private static Command item(String sku) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Benchmark item " + sku);
        body.put("brand", "Bench");
        body.put("category", "bench");
        body.put("price", Map.of("amount", "10.00", "currency", "EUR"));
        body.put("attributes", Map.of());
        body.put("lowStockThreshold", 0);
        return new Command("/api/items", body);
    }

    private static Command receiveCommand(String sku, String location, int units) {
        return new Command("/api/stock/" + sku + "/" + location + "/receive", Map.of("quantity", units,
                "note", "benchmark"));
    }

    /** Submits the commands (bounded concurrency), then waits until every one is APPLIED. */
    private void applyAll(List<Command> commands) throws InterruptedException {
        List<String> ids = forEachConcurrently(commands, command -> {
            StockroomApi.Answer answer = api.call("POST", command.path(), admin, command.body());
            if (answer.status() != 202) {
                throw new ApiFailure("POST " + command.path() + " answered " + answer.status() + ": "
                        + StockroomApi.abbreviate(answer.body()));
            }
            return api.json().readTree(answer.body()).path("commandId").asString();
        });
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        List<String> pending = ids;
        while (!pending.isEmpty()) {
            List<String> still = new ArrayList<>();
            for (String id : pending) {
                JsonNode status = api.getJson("/api/commands/" + id, admin);
                switch (status.path("status").asString("")) {
                    case "APPLIED" -> {
                    }
                    case "PENDING" -> still.add(id);
                    default -> throw new ApiFailure("setup command " + id + " (" + status.path("commandType")
                            .asString("") + ") was " + status.path("status").asString("") + ": "
                            + status.path("reasonCode").asString("") + " " + status.path("detail").asString(""));
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new ApiFailure(pending.size() + " setup commands still PENDING after "
                            + APPLY_TIMEOUT.toSeconds() + " s, e.g. " + pending.getFirst());
                }
                Thread.sleep(POLL_PAUSE);
            }
        }
    }

    private interface Call<T, R> {
        R apply(T input) throws Exception;
    }

    private static <T, R> List<R> forEachConcurrently(List<T> inputs, Call<T, R> call) throws InterruptedException {
        Semaphore slots = new Semaphore(CONCURRENCY);
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T input : inputs) {
                slots.acquire();
                futures.add(workers.submit(() -> {
                    try {
                        return call.apply(input);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiFailure failure) {
                    throw failure;
                }
                throw new ApiFailure("setup failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }
}
