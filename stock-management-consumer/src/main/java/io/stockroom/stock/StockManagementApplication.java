package io.stockroom.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Consumes stock and location commands: receives, adjustments, counts, transfers, thresholds, audits. Publishes
 * the resulting stock events and one outcome per command.
 */
@SpringBootApplication
@EnableScheduling
public class StockManagementApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockManagementApplication.class, args);
    }
}
