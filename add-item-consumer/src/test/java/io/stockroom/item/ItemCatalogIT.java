package io.stockroom.item;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.item.catalog.application.Items;
import io.stockroom.item.catalog.domain.Item;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.RawMessages;
import io.stockroom.support.test.WithTestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "stockroom.messaging.retry-delay-initial=50ms")
@WithTestInfrastructure
class ItemCatalogIT {

    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));
    private static final Actor SHOPPER = new Actor("shopper", Set.of(Role.USER));

    @Autowired
    MessagePublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Items items;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MessageJson json;
    @Autowired
    MessageSigner signer;
    @Autowired
    RabbitTemplate rabbit;

    private EventCollector events;
    private String sku;

    @BeforeEach
    void collectEvents() {
        events = new EventCollector(connectionFactory, json);
        sku = "WATCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterEach
    void stopCollecting() {
        events.close();
    }

    private static ItemDetails details(String name, String price) {
        return new ItemDetails(name, "Seiko", "watches", new Money(new BigDecimal(price), "INR"),
                Map.of("strap", "steel"), 3);
    }

    private static String commandId() {
        return "cmd-" + UUID.randomUUID();
    }

    private CommandOutcome run(Command command, String commandId) {
        publisher.publish(command, new PublishContext("corr-" + UUID.randomUUID(), "test", ADMIN));
        return events.awaitOutcome(commandId);
    }

    private CommandOutcome create(String name) {
        String id = commandId();
        return run(new CreateItem(id, sku, details(name, "12999.50")), id);
    }

    @Test
    void creating_an_item_stores_it_with_an_exact_price_and_announces_it() {
        CommandOutcome outcome = create("Presage Cocktail Time");

        assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        ItemCreated created = events.await(ItemCreated.class, e -> e.sku().equals(sku));
        assertThat(created.version()).isEqualTo(1);
        Item stored = items.find(sku).orElseThrow();
        assertThat(stored.details().price().amount()).isEqualByComparingTo("12999.50");
        Document raw = mongo.getCollection("items").find(new Document("_id", sku)).first();
        assertThat(raw.get("details", Document.class).get("price", Document.class).get("amount"))
                .isInstanceOf(org.bson.types.Decimal128.class);
    }

    @Test
    void the_same_create_command_sent_twice_is_applied_once_and_another_item_under_the_sku_is_refused() {
        String id = commandId();
        CreateItem command = new CreateItem(id, sku, details("Presage", "100.00"));
        publisher.publish(command, new PublishContext("c1", "test", ADMIN));
        publisher.publish(command, new PublishContext("c2", "test", ADMIN));
        events.awaitOutcome(id);

        CommandOutcome conflicting = create("Something else entirely");

        assertThat(items.find(sku).orElseThrow().version()).isEqualTo(1);
        assertThat(conflicting.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(conflicting.reasonCode()).isEqualTo(RejectionCode.SKU_EXISTS);
    }

    @Test
    void an_update_at_a_stale_version_is_refused_with_the_current_version() {
        create("Presage");
        String first = commandId();
        CommandOutcome applied = run(new UpdateItem(first, sku, 1, details("Presage II",
                "150.00")), first);
        String stale = commandId();

        CommandOutcome refused = run(new UpdateItem(stale, sku, 1, details("Presage III",
                "175.00")), stale);

        assertThat(applied.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(events.await(ItemUpdated.class, e -> e.sku().equals(sku)).version()).isEqualTo(2);
        assertThat(refused.reasonCode()).isEqualTo(RejectionCode.STALE_VERSION);
        assertThat(refused.detail()).contains("version 2");
        assertThat(items.find(sku).orElseThrow().details().name()).isEqualTo("Presage II");
    }

    @Test
    void an_item_with_units_on_hand_cannot_be_deleted_and_an_empty_one_can() {
        create("Presage");
        mongo.getCollection("stock_levels").insertOne(new Document("_id", sku + "@WH-1").append("sku", sku)
                .append("location", "WH-1").append("onHand", 4).append("reserved", 1).append("available", 3)
                .append("version", 1L).append("lowStockThreshold", 0));
        String refusedId = commandId();

        CommandOutcome refused = run(new DeleteItem(refusedId, sku, 1), refusedId);
        mongo.getCollection("stock_levels").deleteOne(new Document("_id", sku + "@WH-1"));
        String deletedId = commandId();
        CommandOutcome deleted = run(new DeleteItem(deletedId, sku, 1), deletedId);

        assertThat(refused.reasonCode()).isEqualTo(RejectionCode.ITEM_HAS_STOCK);
        assertThat(refused.detail()).contains("5 units");
        assertThat(deleted.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(events.await(ItemDeleted.class, e -> e.sku().equals(sku)).version()).isEqualTo(2);
        assertThat(items.find(sku).orElseThrow().deleted()).isTrue();
    }

    @Test
    void a_deleted_sku_can_be_created_again_at_a_higher_version() {
        create("Presage");
        String deleteId = commandId();
        run(new DeleteItem(deleteId, sku, 1), deleteId);

        CommandOutcome revived = create("Presage, new edition");

        assertThat(revived.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        Item item = items.find(sku).orElseThrow();
        assertThat(item.deleted()).isFalse();
        assertThat(item.version()).isEqualTo(3);
    }

    @Test
    void a_price_with_too_many_decimals_that_reaches_the_queue_is_dead_lettered_with_the_reason() {
        String body = "{\"commandId\":\"c-scale\",\"sku\":\"" + sku + "\",\"details\":{\"name\":\"X\",\"brand\":\"B\","
                + "\"category\":\"C\",\"price\":{\"amount\":12.345,\"currency\":\"INR\"},\"attributes\":{},"
                + "\"lowStockThreshold\":1}}";

        Message dead = sendAndAwaitDeadLetter(MessageType.CREATE_ITEM, RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body, ADMIN));

        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("MALFORMED_PAYLOAD");
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_DETAIL)).contains("decimal places");
        assertThat(items.find(sku)).isEmpty();
    }

    @Test
    void a_create_signed_for_a_shopper_is_dead_lettered_as_forbidden() {
        String body = new String(json.write(new CreateItem("c-shopper", sku, details("Mine", "1.00"))),
                java.nio.charset.StandardCharsets.UTF_8);

        Message dead = sendAndAwaitDeadLetter(MessageType.CREATE_ITEM, RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body,
                SHOPPER));

        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("FORBIDDEN");
        assertThat(items.find(sku)).isEmpty();
    }

    private Message sendAndAwaitDeadLetter(MessageType type, Message message) {
        rabbit.send(Topology.COMMANDS_EXCHANGE, type.routingKey(), message);
        String dlq = Topology.deadLetterQueue(Topology.ITEM_COMMANDS_QUEUE);
        Message dead = rabbit.receive(dlq, 10_000);
        while (dead != null && !message.getMessageProperties().getMessageId()
                .equals(dead.getMessageProperties().getMessageId())) {
            dead = rabbit.receive(dlq, 10_000);
        }
        assertThat(dead).as("dead letter of " + message.getMessageProperties().getMessageId()).isNotNull();
        return dead;
    }
}
