package io.stockroom.support.messaging;

import io.stockroom.support.test.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the real broker: a copy counts as caught up only once nothing waits in its queue. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=support-test", "stockroom.messaging.retry-delay-initial=20ms",
                "stockroom.messaging.retry-delay-max=100ms"})
@WithTestInfrastructure
class QueueCatchUpIT {

    @Autowired
    RabbitAdmin admin;
    @Autowired
    RabbitTemplate rabbit;

    @Test
    void a_queue_with_unread_messages_is_not_caught_up_until_they_are_consumed() {
        String queue = admin.declareQueue(new Queue("catch-up-" + UUID.randomUUID(), false, false, false));
        for (int i = 0; i < 3; i++) {
            rabbit.convertAndSend("", queue, "event " + i);
        }
        QueueCatchUp catchUp = new QueueCatchUp(admin, queue, Clock.systemUTC());
        catchUp.start();
        try {
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                    .until(() -> catchUp.caughtUpAt().isEmpty());
            Instant beforeReading = Instant.now();
            for (int i = 0; i < 3; i++) {
                assertThat(rabbit.receiveAndConvert(queue, 2_000)).isEqualTo("event " + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> catchUp.caughtUpAt().isPresent());
            assertThat(catchUp.caughtUpAt().orElseThrow()).isAfterOrEqualTo(beforeReading);
        } finally {
            catchUp.stop();
            admin.deleteQueue(queue);
        }
    }

    @Test
    void an_empty_queue_is_caught_up_at_once() {
        String queue = admin.declareQueue(new Queue("catch-up-" + UUID.randomUUID(), false, false, false));
        QueueCatchUp catchUp = new QueueCatchUp(admin, queue, Clock.systemUTC());
        catchUp.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> catchUp.caughtUpAt().isPresent());
        } finally {
            catchUp.stop();
            admin.deleteQueue(queue);
        }
    }
}
