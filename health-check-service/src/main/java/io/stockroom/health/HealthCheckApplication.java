package io.stockroom.health;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Watches every Stockroom service: which queues lost their consumers (RabbitMQ management API, or AMQP on the
 * embedded broker) and what each actuator says. Keeps states, transitions and downtimes in MongoDB, alerts on every
 * transition, and serves a live health page. Publishes and consumes no messages.
 */
@SpringBootApplication
public class HealthCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthCheckApplication.class, args);
    }
}
