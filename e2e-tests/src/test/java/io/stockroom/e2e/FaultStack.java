package io.stockroom.e2e;


import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The five services from their jars against a broker and a store of the fault suite's own ({@link PrivateBroker},
 * {@link StoreProcess}), so it may kill, stop and restart any of them. Logs go to {@code target/e2e-logs/faults-*}.
 */
final class FaultStack implements AutoCloseable {

    static final List<String> MODULES = List.of(Stack.PRODUCER, Stack.ITEMS, Stack.STOCK, Stack.ORDERS, Stack.HEALTH);

    final String admin = "fault-admin";
    final String adminPassword = "fault-admin-" + UUID.randomUUID();
    final String viewer = "fault-viewer";
    final String viewerPassword = "fault-viewer-" + UUID.randomUUID();
    private final String actuatorPassword = "fault-actuator-" + UUID.randomUUID();
    private final String signingKeys = "faults:" + randomKey();
    private final int brokerPort;
    private final String mongoUri;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    FaultStack(int brokerPort, String mongoUri) {
        this.brokerPort = brokerPort;
        this.mongoUri = mongoUri;
        MODULES.forEach(module -> ports.put(module, PrivateBroker.freePort()));
    }

    /** Starts every service at once and waits until each answers UP. */
    FaultStack start() {
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String module : MODULES) {
            ServiceProcess service = newProcess(module);
            services.put(module, service);
            starting.add(CompletableFuture.supplyAsync(service::start));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        return this;
    }

    String url(String module) {
        return "http://127.0.0.1:" + ports.get(module);
    }

    /** kill -9 of the service's JVM, as a crash or the OOM killer would. */
    void kill(String module) {
        services.get(module).kill();
    }

    /** A fresh process on the same port and configuration; returns once it answers UP. */
    void restart(String module) {
        services.get(module).close();
        ServiceProcess fresh = newProcess(module);
        services.put(module, fresh);
        fresh.start();
    }

    private ServiceProcess newProcess(String module) {
        List<String> properties = new ArrayList<>(List.of("spring.application.name=" + module,
                "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + brokerPort,
                "spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest", "spring.rabbitmq.virtual-host=/",
                "spring.mongodb.uri=" + mongoUri, "stockroom.signing.keys=" + signingKeys,
                "stockroom.signing.active-key-id=faults"));
        Map<String, String> environment = new LinkedHashMap<>(Map.of("STOCKROOM_ACTUATOR_USERNAME", "fault-scraper",
                "STOCKROOM_ACTUATOR_PASSWORD", actuatorPassword));
        if (module.equals(Stack.PRODUCER)) {
            environment.put("STOCKROOM_ADMIN_USERNAME", admin);
            environment.put("STOCKROOM_ADMIN_PASSWORD", adminPassword);
            // The load is a few busy shoppers; the per-user order limit is not what this suite tests.
            properties.add("stockroom.producer.orders.per-user-max=1000000");
            properties.add("stockroom.health.url=" + url(Stack.HEALTH) + "/");
        }
        if (module.equals(Stack.HEALTH)) {
            properties.addAll(healthWiring());
        }
        return new ServiceProcess(module, "faults-" + module, ports.get(module), properties, environment);
    }

    private List<String> healthWiring() {
        List<String> properties = HealthWiring.services(this::url);
        // The private node runs no management plugin: queue figures come over AMQP.
        properties.add("stockroom.health.queue-source=amqp");
        properties.add("stockroom.health.viewer.username=" + viewer);
        properties.add("stockroom.health.viewer.password=" + viewerPassword);
        return properties;
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static Path workDirectory() {
        return Path.of("target", "faults").toAbsolutePath();
    }
}
