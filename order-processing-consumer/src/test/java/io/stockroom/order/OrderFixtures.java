package io.stockroom.order;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data and actions for the order service's integration tests; {@link Owners} announces items, locations and
 * stock.
 */
final class OrderFixtures {

    static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));
    static final Actor ALICE = new Actor("alice", Set.of(Role.USER));
    static final Actor BOB = new Actor("bob", Set.of(Role.USER));

    private OrderFixtures() {
    }

    static String sku() {
        return "WATCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String locationCode(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static String orderId() {
        return "order-" + UUID.randomUUID();
    }

    static String commandId() {
        return "cmd-" + UUID.randomUUID();
    }

    static PlaceOrder order(String customer, OrderLine... lines) {
        return new PlaceOrder(orderId(), customer, List.of(lines), SourcingStrategy.MOST_AVAILABLE, Instant.now());
    }

    static void send(MessagePublisher publisher, Command command, Actor actor) {
        publisher.publish(command, new PublishContext("corr-" + UUID.randomUUID(), "test", actor));
    }

    /** Publishes many commands in one go: all sent, then all confirms awaited. */
    static void sendAll(MessagePublisher publisher, List<? extends Command> commands, Actor actor) {
        publisher.publishAll(commands.stream().map(c -> new MessagePublisher.Outgoing(MessageType.of(c), c)).toList(),
                new PublishContext("corr-" + UUID.randomUUID(), "test", actor));
    }
}
