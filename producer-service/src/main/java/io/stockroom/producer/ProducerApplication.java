package io.stockroom.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The front door: serves the web UI and the JSON API, owns users and login, publishes signed commands and keeps an
 * in-memory read side (items, stock, locations, orders) current from events.
 */
@SpringBootApplication
@EnableScheduling
public class ProducerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProducerApplication.class, args);
    }
}
