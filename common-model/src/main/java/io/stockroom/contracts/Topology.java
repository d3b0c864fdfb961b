package io.stockroom.contracts;

/**
 * Names of every exchange, queue and binding in the system. Services declare this topology themselves at start-up,
 * so a fresh broker works; nothing here depends on a broker client.
 */
public final class Topology {

    /** Durable topic exchange for commands; routing key = {@link MessageType#routingKey()}. */
    public static final String COMMANDS_EXCHANGE = "inventory.commands";
    /** Durable topic exchange for events; every subscriber binds its own queue. */
    public static final String EVENTS_EXCHANGE = "inventory.events";
    /** Direct exchange for dead letters; routing key = the name of the queue the message failed on. */
    public static final String DEAD_LETTER_EXCHANGE = "inventory.dead-letter";

    public static final String ITEM_COMMANDS_QUEUE = "add-item.commands";
    public static final String STOCK_COMMANDS_QUEUE = "stock-management.commands";
    public static final String ORDER_COMMANDS_QUEUE = "order-processing.commands";
    /** Durable queue shared by all producer instances: keeps the producer's stored projections (orders, actions). */
    public static final String PRODUCER_PROJECTIONS_QUEUE = "producer.projections";
    /** Prefix of each producer instance's own non-durable queue that feeds its in-memory read side and live push. */
    public static final String PRODUCER_LIVE_QUEUE_PREFIX = "producer.live.";
    /** Prefix of each order consumer instance's own non-durable queue that keeps its sourcing projection. */
    public static final String ORDER_SOURCING_QUEUE_PREFIX = "order-processing.sourcing.";
    /**
     * Durable queue shared by all order consumer instances: keeps the order service's own stored copy of locations
     * and items (ADR 0009). Declared by the services that publish those events too, so none is lost before the
     * order service first starts.
     */
    public static final String ORDER_PROJECTIONS_QUEUE = "order-processing.projections";
    /**
     * Durable queue shared by all stock management instances: keeps its own stored copy of the items (existence and
     * low-stock threshold, ADR 0009). Declared by the item events' publisher too.
     */
    public static final String STOCK_PROJECTIONS_QUEUE = "stock-management.projections";

    public static final String ITEM_COMMANDS_PATTERN = "item.*";
    public static final String LOCATION_COMMANDS_PATTERN = "location.*";
    public static final String STOCK_COMMANDS_PATTERN = "stock.*";
    public static final String ORDER_COMMANDS_PATTERN = "order.*";
    /** Every event: the producer's read side needs all of them. */
    public static final String ALL_EVENTS_PATTERN = "#";

    private Topology() {
    }

    /** The per-queue dead-letter queue that receives what {@code queue} could not process. */
    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    /** The events bound to {@link #ORDER_PROJECTIONS_QUEUE}: what sourcing needs of locations and items. */
    public static java.util.Set<MessageType> orderProjectionsTypes() {
        return java.util.Set.of(MessageType.LOCATION_CHANGED, MessageType.ITEM_CREATED, MessageType.ITEM_UPDATED,
                MessageType.ITEM_DELETED);
    }

    /** The events bound to {@link #STOCK_PROJECTIONS_QUEUE}: what stock management needs of items. */
    public static java.util.Set<MessageType> stockProjectionsTypes() {
        return java.util.Set.of(MessageType.ITEM_CREATED, MessageType.ITEM_UPDATED, MessageType.ITEM_DELETED);
    }

    /** The routing keys of these types, sorted (for bindings). */
    public static java.util.List<String> routingKeys(java.util.Set<MessageType> types) {
        return types.stream().map(MessageType::routingKey).sorted().toList();
    }

    /** The queues that carry commands, one per consuming service. */
    public static java.util.List<String> commandQueues() {
        return java.util.List.of(ITEM_COMMANDS_QUEUE, STOCK_COMMANDS_QUEUE, ORDER_COMMANDS_QUEUE);
    }
}
