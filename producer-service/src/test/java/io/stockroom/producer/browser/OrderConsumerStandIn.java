package io.stockroom.producer.browser;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the order consumer in the producer's own browser tests (the real one is a separate service; the
 * e2e-tests module runs it). It consumes the real order command queue and answers with the real event contracts, as
 * fast as it can: the final state of an order usually reaches the producer before the order page has even opened
 * its live stream, which is exactly the race a page must survive.
 *
 * <p>It keeps stock per (SKU, location) like the real consumer: a line is reserved at the named location or at the
 * one with most available, else the order is rejected with the best available count. For an SKU marked
 * {@link #competeFor}, another shopper takes one unit just before each order is looked at, so an order for all that
 * was shown available is rejected the way a lost race is.
 */
final class OrderConsumerStandIn implements AutoCloseable {

    private record Level(int onHand, int reserved, long version) {
        int available() {
            return onHand - reserved;
        }
    }

    private final Map<String, Level> levels = new ConcurrentHashMap<>();
    private final Map<String, OrderConfirmed> confirmed = new ConcurrentHashMap<>();
    private final Set<String> contested = ConcurrentHashMap.newKeySet();
    private final MessagePublisher publisher;
    private final MessageJson json;
    private final SimpleMessageListenerContainer container;

    OrderConsumerStandIn(ConnectionFactory connections, MessagePublisher publisher, MessageJson json) {
        this.publisher = publisher;
        this.json = json;
        container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(Topology.ORDER_COMMANDS_QUEUE);
        container.setMessageListener(this::handle);
        container.start();
    }

    /** Makes {@code available} units of an item available at a location, and tells the producer's read side. */
    synchronized void stock(String sku, String location, int available) {
        Level held = levels.get(sku + "@" + location);
        int reserved = held == null ? 0 : held.reserved();
        Level level = new Level(reserved + available, reserved, held == null ? 1_000 : held.version() + 1);
        levels.put(sku + "@" + location, level);
        changed(sku, location, level, MovementKind.RECEIVED);
    }

    /** From now on, another shopper takes one unit of {@code sku} just before each order for it is handled. */
    void competeFor(String sku) {
        contested.add(sku);
    }

    void stopCompeting(String sku) {
        contested.remove(sku);
    }

    private void handle(Message message) {
        String type = message.getMessageProperties().getType();
        String actor = message.getMessageProperties().getHeader(Headers.ACTOR);
        List<Event> events = switch (MessageType.fromRoutingKey(type).orElseThrow()) {
            case PLACE_ORDER -> place(json.read(message.getBody(), PlaceOrder.class));
            case CANCEL_ORDER -> cancel(json.read(message.getBody(), CancelOrder.class), actor);
            case FULFIL_ORDER -> fulfil(json.read(message.getBody(), FulfilOrder.class), actor);
            default -> List.of();
        };
        publisher.publishEvents(events, new PublishContext("stand-in-" + UUID.randomUUID(), null,
                Actor.service("order-processing-consumer")));
    }

    private synchronized List<Event> place(PlaceOrder order) {
        List<Event> events = new ArrayList<>();
        order.lines().stream().map(OrderLine::sku).distinct().filter(contested::contains)
                .forEach(sku -> takeOneElsewhere(sku, events));
        List<AllocatedLine> allocated = new ArrayList<>();
        List<LineRejection> rejections = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            String location = line.location() != null ? line.location() : mostAvailable(line.sku());
            Level level = location == null ? null : levels.get(line.sku() + "@" + location);
            if (level == null || level.available() < line.quantity()) {
                int best = levels.entrySet().stream().filter(e -> e.getKey().startsWith(line.sku() + "@"))
                        .mapToInt(e -> e.getValue().available()).max().orElse(0);
                rejections.add(new LineRejection(i, line.sku(), null, RejectionReason.OUT_OF_STOCK,
                        "No active location has " + line.quantity() + " of " + line.sku() + " available (best: "
                                + best + ")"));
            } else {
                allocated.add(new AllocatedLine(i, line.sku(), location, line.quantity()));
            }
        }
        if (!rejections.isEmpty()) {
            allocated.forEach(a -> rejections.add(new LineRejection(a.lineNo(), a.sku(), a.location(),
                    RejectionReason.RELEASED_OTHER_LINE_FAILED, "released: another line failed")));
            events.add(new OrderRejected(order.orderId(), order.customer(), rejections, 1, Instant.now()));
            return events;
        }
        allocated.forEach(a -> events.add(move(a.sku(), a.location(), 0, a.quantity(), MovementKind.RESERVED)));
        OrderConfirmed confirmation = new OrderConfirmed(order.orderId(), order.customer(), allocated, 1,
                Instant.now());
        confirmed.put(order.orderId(), confirmation);
        events.add(confirmation);
        return events;
    }

    private synchronized List<Event> cancel(CancelOrder command, String actor) {
        OrderConfirmed order = confirmed.remove(command.orderId());
        if (order == null) {
            return List.of(CommandOutcome.rejected(command.commandId(), MessageType.CANCEL_ORDER, command.orderId(),
                    RejectionCode.INVALID_TRANSITION, "Order " + command.orderId() + " is not CONFIRMED", Instant.now()));
        }
        List<Event> events = new ArrayList<>();
        order.lines().forEach(a -> events.add(move(a.sku(), a.location(), 0, -a.quantity(), MovementKind.RELEASED)));
        events.add(new OrderCancelled(order.orderId(), order.customer(), actor, command.reason(), 2, Instant.now()));
        events.add(CommandOutcome.applied(command.commandId(), MessageType.CANCEL_ORDER, command.orderId(),
                "Order cancelled", Instant.now()));
        return events;
    }

    private synchronized List<Event> fulfil(FulfilOrder command, String actor) {
        OrderConfirmed order = confirmed.remove(command.orderId());
        if (order == null) {
            return List.of(CommandOutcome.rejected(command.commandId(), MessageType.FULFIL_ORDER, command.orderId(),
                    RejectionCode.INVALID_TRANSITION, "Order " + command.orderId() + " is not CONFIRMED", Instant.now()));
        }
        List<Event> events = new ArrayList<>();
        order.lines().forEach(a -> events.add(move(a.sku(), a.location(), -a.quantity(), -a.quantity(),
                MovementKind.FULFILLED)));
        events.add(new OrderFulfilled(order.orderId(), order.customer(), actor, 2, Instant.now()));
        events.add(CommandOutcome.applied(command.commandId(), MessageType.FULFIL_ORDER, command.orderId(),
                "Order fulfilled", Instant.now()));
        return events;
    }

    private void takeOneElsewhere(String sku, List<Event> events) {
        String location = mostAvailable(sku);
        if (location != null) {
            events.add(move(sku, location, 0, 1, MovementKind.RESERVED));
        }
    }

    private String mostAvailable(String sku) {
        return levels.entrySet().stream().filter(e -> e.getKey().startsWith(sku + "@") && e.getValue().available() > 0)
                .max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.available(), b.available())))
                .map(e -> e.getKey().substring(sku.length() + 1)).orElse(null);
    }

    private StockChanged move(String sku, String location, int onHandDelta, int reservedDelta, MovementKind kind) {
        Level held = levels.get(sku + "@" + location);
        Level level = new Level(held.onHand() + onHandDelta, held.reserved() + reservedDelta, held.version() + 1);
        levels.put(sku + "@" + location, level);
        return stockChanged(sku, location, level, kind);
    }

    private void changed(String sku, String location, Level level, MovementKind kind) {
        publisher.publishEvents(List.of(stockChanged(sku, location, level, kind)),
                new PublishContext("stand-in-" + UUID.randomUUID(), null, Actor.service("stock-management-consumer")));
    }

    private static StockChanged stockChanged(String sku, String location, Level level, MovementKind kind) {
        return new StockChanged(sku, location, StockLevels.of(level.onHand(), level.reserved()), 1, level.version(),
                "stand-in:" + UUID.randomUUID(), kind, Instant.now());
    }

    @Override
    public void close() {
        container.stop();
    }
}
