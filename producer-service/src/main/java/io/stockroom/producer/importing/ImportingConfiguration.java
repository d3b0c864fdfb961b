package io.stockroom.producer.importing;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.importing.adapter.out.catalogue.CatalogueImportChecks;
import io.stockroom.producer.importing.application.ItemImport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the CSV import: rows are checked against the catalogue and sent as admin commands. */
@Configuration(proxyBeanMethods = false)
public class ImportingConfiguration {

    @Bean
    ItemImport itemImport(AdminCommands commands, Catalogue catalogue) {
        return new ItemImport(commands, new CatalogueImportChecks(catalogue));
    }
}
