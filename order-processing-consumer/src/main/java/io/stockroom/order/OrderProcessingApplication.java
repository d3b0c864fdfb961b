package io.stockroom.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Consumes order commands: places orders (reserving every line or none), cancels and fulfils them. Publishes the
 * order events, the stock events of every level it changed, and one outcome per cancel or fulfil command.
 */
@SpringBootApplication
public class OrderProcessingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderProcessingApplication.class, args);
    }
}
