package io.stockroom.launcher.rabbit;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/rabbitmq/definitions.json pre-declares what the services declare at start-up. RabbitMQ refuses a
 * re-declaration whose arguments differ (PRECONDITION_FAILED), so the file must say exactly what service-support's
 * TopologyDeclarations says on RabbitMQ; this test fails when either changes alone.
 */
class DefinitionsMatchTopologyTest {

    /** stockroom.messaging.delivery-limit's default (StockroomProperties). */
    private static final int DELIVERY_LIMIT = 20;
    /** The events the producer's projections queue binds (producer-service ProjectionsHandler.TYPES). */
    private static final List<MessageType> PROJECTED = List.of(MessageType.COMMAND_OUTCOME,
            MessageType.ORDER_CONFIRMED, MessageType.ORDER_REJECTED, MessageType.ORDER_CANCELLED,
            MessageType.ORDER_FULFILLED);

    @Test
    void theDefinitionsDeclareExactlyWhatTheServicesDeclareOnRabbitMq() throws Exception {
        TopologyDeclarations declarations = new TopologyDeclarations(false, DELIVERY_LIMIT);
        List<Declarable> expected = new ArrayList<>();
        expected.addAll(declarations.workQueue(Topology.ITEM_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ITEM_COMMANDS_PATTERN)));
        expected.addAll(declarations.workQueue(Topology.STOCK_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.STOCK_COMMANDS_PATTERN, Topology.LOCATION_COMMANDS_PATTERN)));
        expected.addAll(declarations.workQueue(Topology.ORDER_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ORDER_COMMANDS_PATTERN)));
        expected.addAll(declarations.workQueue(Topology.PRODUCER_PROJECTIONS_QUEUE, Topology.EVENTS_EXCHANGE,
                PROJECTED.stream().map(MessageType::routingKey).toList()));
        expected.addAll(declarations.orderProjectionsQueue());
        expected.addAll(declarations.stockProjectionsQueue());

        Map<String, Object> definitions = readDefinitions();

        assertThat(queues(definitions)).isEqualTo(expectedQueues(expected));
        assertThat(exchanges(definitions)).isEqualTo(expectedExchanges(expected));
        assertThat(bindings(definitions)).isEqualTo(expectedBindings(expected));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readDefinitions() throws Exception {
        String json = Files.readString(Path.of("..", "deploy", "rabbitmq", "definitions.json"));
        return JsonMapper.builder().build().readValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> definitions, String key) {
        return (List<Map<String, Object>>) definitions.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> queues(Map<String, Object> definitions) {
        Map<String, String> queues = new TreeMap<>();
        for (Map<String, Object> queue : list(definitions, "queues")) {
            queues.put((String) queue.get("name"), describe((Boolean) queue.get("durable"),
                    (Boolean) queue.get("auto_delete"), (Map<String, Object>) queue.get("arguments")));
        }
        return queues;
    }

    private static Map<String, String> expectedQueues(List<Declarable> expected) {
        Map<String, String> queues = new TreeMap<>();
        expected.stream().filter(Queue.class::isInstance).map(Queue.class::cast).forEach(queue ->
                queues.put(queue.getName(), describe(queue.isDurable(), queue.isAutoDelete(), queue.getArguments())));
        return queues;
    }

    private static Map<String, String> exchanges(Map<String, Object> definitions) {
        return list(definitions, "exchanges").stream().collect(Collectors.toMap(e -> (String) e.get("name"),
                e -> e.get("type") + " durable=" + e.get("durable") + " autoDelete=" + e.get("auto_delete"),
                (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> expectedExchanges(List<Declarable> expected) {
        return expected.stream().filter(Exchange.class::isInstance).map(Exchange.class::cast)
                .collect(Collectors.toMap(Exchange::getName, e -> e.getType() + " durable=" + e.isDurable()
                        + " autoDelete=" + e.isAutoDelete(), (a, b) -> a, TreeMap::new));
    }

    private static Set<String> bindings(Map<String, Object> definitions) {
        return list(definitions, "bindings").stream().map(b -> b.get("source") + " -> " + b.get("destination")
                + " [" + b.get("routing_key") + "]").collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Set<String> expectedBindings(List<Declarable> expected) {
        Set<String> bindings = new LinkedHashSet<>();
        expected.stream().filter(Binding.class::isInstance).map(Binding.class::cast).forEach(b ->
                bindings.add(b.getExchange() + " -> " + b.getDestination() + " [" + b.getRoutingKey() + "]"));
        return new java.util.TreeSet<>(bindings);
    }

    private static String describe(boolean durable, boolean autoDelete, Map<String, Object> arguments) {
        Map<String, String> normalised = new TreeMap<>();
        arguments.forEach((key, value) -> normalised.put(key, String.valueOf(value)));
        return "durable=" + durable + " autoDelete=" + autoDelete + " " + normalised;
    }
}
