package io.stockroom.e2e;

import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system for end-to-end tests, started once per test JVM: the five services as processes on free ports,
 * sharing a fresh vhost on the local RabbitMQ and a fresh database on the in-process MongoDB-wire server.
 */
public final class Stack {

    static final String PRODUCER = "producer-service";
    static final String ITEMS = "add-item-consumer";
    static final String STOCK = "stock-management-consumer";
    static final String ORDERS = "order-processing-consumer";
    static final String HEALTH = "health-check-service";

    private static Stack instance;
    private static RuntimeException startFailure;

    private final String adminUsername = "e2e-admin";
    private final String adminPassword = "e2e-" + UUID.randomUUID();
    private final String actuatorUsername = "e2e-scraper";
    private final String actuatorPassword = "e2e-actuator-" + UUID.randomUUID();
    final Duration startUp;
    private final TestEnvironment environment;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Stack() {
        long started = System.nanoTime();
        environment = TestInfrastructure.get().newEnvironment();
        deleteOldLogs();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : List.of(PRODUCER, ITEMS, STOCK, ORDERS, HEALTH)) {
            ports.put(module, freePort());
        }
        ports.forEach((module, port) -> services.put(module, new ServiceProcess(module, port,
                propertiesFor(module, ports), environmentFor(module))));
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        services.values().forEach(service -> starting.add(CompletableFuture.supplyAsync(service::start)));
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        startUp = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[e2e] stack of %d services up in %d ms (vhost %s)%n", services.size(), startUp.toMillis(),
                environment.vhost());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-stack-stop"));
    }

    /**
     * The running stack. A start that fails is tried once more with new ports: a port found free can be taken by
     * another process on a shared machine before the service binds it. A stack that failed twice fails every later
     * caller at once.
     */
    public static synchronized Stack get() {
        if (startFailure != null) {
            throw new IllegalStateException("the stack failed to start earlier", startFailure);
        }
        if (instance == null) {
            try {
                instance = startWithOneRetry();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static Stack startWithOneRetry() {
        try {
            return new Stack();
        } catch (RuntimeException first) {
            System.out.printf("[e2e] the stack did not start (%s); trying once more with new ports%n", first);
            return new Stack();
        }
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The actuator account every service of the stack shares (health details, metrics). */
    public String actuatorUsername() {
        return actuatorUsername;
    }

    public String actuatorPassword() {
        return actuatorPassword;
    }

    List<String> modules() {
        return List.copyOf(services.keySet());
    }

    ServiceProcess service(String module) {
        return services.get(module);
    }

    public String producerUrl() {
        return services.get(PRODUCER).baseUrl();
    }

    public String healthUrl() {
        return services.get(HEALTH).baseUrl();
    }

    /** The health page's viewer account (HTTP Basic). */
    public String healthViewer() {
        return HealthWiring.VIEWER;
    }

    public String healthViewerPassword() {
        return HealthWiring.VIEWER_PASSWORD;
    }

    TestEnvironment environment() {
        return environment;
    }

    /** Replaces a (killed) service with a fresh process on the same port and configuration. */
    ServiceProcess restart(String module) {
        ServiceProcess old = services.get(module);
        old.close();
        ServiceProcess fresh = new ServiceProcess(module, old.port(), propertiesFor(module, ports()),
                environmentFor(module));
        services.put(module, fresh);
        return fresh.start();
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach((module, service) -> ports.put(module, service.port()));
        return ports;
    }

    private List<String> propertiesFor(String module, Map<String, Integer> ports) {
        List<String> properties = new ArrayList<>(List.of(environment.propertyArguments()));
        properties.add("spring.application.name=" + module);
        if (module.equals(HEALTH)) {
            properties.addAll(HealthWiring.properties(environment, ports));
        }
        if (module.equals(PRODUCER)) {
            properties.add("stockroom.health.url=http://127.0.0.1:" + ports.get(HEALTH) + "/");
        }
        return properties;
    }

    private Map<String, String> environmentFor(String module) {
        Map<String, String> environment = new LinkedHashMap<>(Map.of("STOCKROOM_ACTUATOR_USERNAME", actuatorUsername,
                "STOCKROOM_ACTUATOR_PASSWORD", actuatorPassword));
        if (module.equals(PRODUCER)) {
            environment.put("STOCKROOM_ADMIN_USERNAME", adminUsername);
            environment.put("STOCKROOM_ADMIN_PASSWORD", adminPassword);
        }
        return environment;
    }

    /** Stops every service at once (each gets its graceful shutdown), then removes the vhost. */
    private void stop() {
        services.values().parallelStream().forEach(ServiceProcess::close);
        environment.close();
    }

    private static void deleteOldLogs() {
        try (var logs = Files.list(Path.of("target", "e2e-logs"))) {
            for (Path log : logs.toList()) {
                Files.delete(log);
            }
        } catch (NoSuchFileException e) {
            // First run: nothing to delete.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
