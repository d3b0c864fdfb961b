package io.stockroom.e2e;

import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The system scaled out on one machine: two producers behind the gateway and two instances of each consumer, all on
 * one fresh vhost of the local RabbitMQ and one database of the in-process MongoDB-wire store.
 */
final class ScaledStack implements AutoCloseable {

    static final String GATEWAY = "gateway";
    private static final Random RANDOM = new Random();
    private static final String GATEWAY_MANAGEMENT = "gateway-management";
    static final List<String> PRODUCERS = List.of("producer-1", "producer-2");

    private final String adminUsername = "scale-admin";
    private final String adminPassword = "scale-" + UUID.randomUUID();
    private final TestEnvironment environment;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Duration startUp;

    ScaledStack() {
        long started = System.nanoTime();
        environment = TestInfrastructure.get().newEnvironment();
        Map<String, Integer> ports = new LinkedHashMap<>();
        PRODUCERS.forEach(name -> ports.put(name, freePort()));
        for (String consumer : List.of(Stack.ITEMS, Stack.STOCK, Stack.ORDERS)) {
            ports.put(consumer + "-1", freePort());
            ports.put(consumer + "-2", freePort());
        }
        ports.put(GATEWAY, freePort());
        ports.put(GATEWAY_MANAGEMENT, freePort());
        ports.forEach((name, port) -> {
            if (!name.equals(GATEWAY_MANAGEMENT)) {
                services.put(name, process(name, port, ports));
            }
        });
        deleteOldLogs();
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        services.values().forEach(service -> starting.add(CompletableFuture.supplyAsync(service::start)));
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        startUp = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[scale-out] %d processes up in %d ms (vhost %s)%n", services.size(), startUp.toMillis(),
                environment.vhost());
    }

    private ServiceProcess process(String name, int port, Map<String, Integer> ports) {
        String module = name.equals(GATEWAY) ? GATEWAY : name.startsWith("producer-") ? Stack.PRODUCER
                : name.substring(0, name.lastIndexOf('-'));
        List<String> properties = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        if (module.equals(GATEWAY)) {
            properties.add("stockroom.gateway.producer-urls=" + String.join(",", PRODUCERS.stream()
                    .map(producer -> "http://127.0.0.1:" + ports.get(producer)).toList()));
            // Every client of this test is 127.0.0.1: the edge budget must not be what the test measures.
            properties.add("stockroom.gateway.rate-limit.requests-per-second=100000");
            properties.add("stockroom.gateway.rate-limit.burst=100000");
            properties.add("spring.cloud.loadbalancer.health-check.interval=2s");
            properties.add("management.server.port=" + ports.get(GATEWAY_MANAGEMENT));
            return new ServiceProcess(module, name, port, ports.get(GATEWAY_MANAGEMENT), properties, env);
        } else {
            properties.addAll(List.of(environment.propertyArguments()));
            properties.add("spring.application.name=" + module);
        }
        if (module.equals(Stack.PRODUCER)) {
            env.put("STOCKROOM_ADMIN_USERNAME", adminUsername);
            env.put("STOCKROOM_ADMIN_PASSWORD", adminPassword);
            // Behind the gateway: the address the gateway saw is the client's (as in compose and Kubernetes).
            env.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
            // The test registers a few dozen shoppers from one address; the per-address default is 20 an hour.
            properties.add("stockroom.producer.registrations.per-address-max=1000");
        }
        return new ServiceProcess(module, name, port, properties, env);
    }

    String gatewayUrl() {
        return services.get(GATEWAY).baseUrl();
    }

    String producerUrl(String name) {
        return services.get(name).baseUrl();
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String adminUsername() {
        return adminUsername;
    }

    String adminPassword() {
        return adminPassword;
    }

    String mongoUri() {
        return environment.properties().get("spring.mongodb.uri");
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
        environment.close();
    }

    /** Each process appends to target/e2e-logs/NAME.log: start this run's logs empty. */
    private void deleteOldLogs() {
        for (String name : services.keySet()) {
            try {
                Files.deleteIfExists(Path.of("target", "e2e-logs", name + ".log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A port that is free now and outside the kernel's ephemeral range: nine JVMs take a minute or more to bind
     * theirs, and a port handed out by {@code new ServerSocket(0)} can meanwhile become the local end of some
     * outgoing connection (seen: "Port ... was already in use" under load).
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port in 20000-31999");
    }
}
