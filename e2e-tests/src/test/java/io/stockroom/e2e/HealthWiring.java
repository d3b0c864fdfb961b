package io.stockroom.e2e;

import io.stockroom.contracts.Topology;
import io.stockroom.support.test.TestEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Points the health service at the services and the vhost of this test stack, and gives it a viewer account. */
final class HealthWiring {

    static final String VIEWER = "e2e-viewer";
    static final String VIEWER_PASSWORD = "e2e-viewer-" + Long.toHexString(System.nanoTime());

    private static final List<String> MONITORED = List.of(Stack.PRODUCER, Stack.ITEMS, Stack.STOCK, Stack.ORDERS);
    private static final List<String> QUEUES = List.of(Topology.PRODUCER_PROJECTIONS_QUEUE,
            Topology.ITEM_COMMANDS_QUEUE, Topology.STOCK_COMMANDS_QUEUE, Topology.ORDER_COMMANDS_QUEUE);
    /** The durable queues that keep a service's own copies (ADR 0009), watched as in application.properties. */
    private static final Map<String, String> ALSO_CONSUMES = Map.of(Stack.STOCK, Topology.STOCK_PROJECTIONS_QUEUE,
            Stack.ORDERS, Topology.ORDER_PROJECTIONS_QUEUE);

    private HealthWiring() {
    }

    static List<String> properties(TestEnvironment environment, Map<String, Integer> ports) {
        List<String> properties = services(module -> "http://127.0.0.1:" + ports.get(module));
        // The broker's management API, wherever the test infrastructure runs it (local or a container).
        properties.add("stockroom.health.rabbit.management-url=" + environment.management().baseUrl());
        properties.add("stockroom.health.viewer.username=" + VIEWER);
        properties.add("stockroom.health.viewer.password=" + VIEWER_PASSWORD);
        return properties;
    }

    /** The watched services, each with its queues and its actuator at {@code actuatorUrl} of its module. */
    static List<String> services(Function<String, String> actuatorUrl) {
        List<String> properties = new ArrayList<>();
        // Spring Boot binds a list from one property source as a whole, so every field of every entry is given.
        for (int i = 0; i < MONITORED.size(); i++) {
            String prefix = "stockroom.health.services[" + i + "].";
            properties.add(prefix + "name=" + MONITORED.get(i));
            properties.add(prefix + "actuator-url=" + actuatorUrl.apply(MONITORED.get(i)));
            properties.add(prefix + "queue=" + QUEUES.get(i));
            if (ALSO_CONSUMES.containsKey(MONITORED.get(i))) {
                properties.add(prefix + "also-consumes=" + ALSO_CONSUMES.get(MONITORED.get(i)));
            }
        }
        return properties;
    }
}
