package io.stockroom.stock.ledger;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class StockLedgerArchitectureTest {

    @Test
    void the_domain_and_the_port_know_nothing_of_spring_or_mongodb() {
        noClasses().that().resideInAnyPackage("..ledger.domain..", "..ledger.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.stockroom.stock.ledger"));
    }
}
