package io.stockroom.producer;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.WithTestInfrastructure;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One Spring context (cached) shared by the integration tests: real HTTP, real broker vhost, own database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stockroom.producer.admin.username=root", "stockroom.producer.admin.password=root-password-for-tests",
        "stockroom.producer.orders.per-user-max=3", "stockroom.producer.orders.window=1h",
        "stockroom.producer.login.account-failures-max=3", "stockroom.producer.login.address-failures-max=1000",
        "stockroom.producer.bodies.json-bytes-max=4096", "server.shutdown=immediate",
        "stockroom.actuator.username=" + ProducerIntegrationTest.ACTUATOR,
        "stockroom.actuator.password=" + ProducerIntegrationTest.ACTUATOR_PASSWORD,
        "spring.lifecycle.timeout-per-shutdown-phase=3s"})
@WithTestInfrastructure
abstract class ProducerIntegrationTest {

    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "root-password-for-tests";
    static final String PASSWORD = "shopper-password-1";
    static final String ACTUATOR = "scraper";
    static final String ACTUATOR_PASSWORD = "actuator-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ApplicationRunner readSideBootstrap;

    ApiClient api() {
        return new ApiClient(port);
    }

    String shopper() {
        String name = "shopper-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.register(name, PASSWORD);
        return name;
    }

    static String sku() {
        return "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    void publishEvent(MessageType type, Event event) {
        publisher.publish(event, new PublishContext("corr-" + UUID.randomUUID(), "test",
                Actor.service("test-consumer")));
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

}
