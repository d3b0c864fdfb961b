package io.stockroom.item;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes item commands and keeps the catalogue; publishes item events and one outcome per command. */
@SpringBootApplication
public class ItemCatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(ItemCatalogApplication.class, args);
    }
}
