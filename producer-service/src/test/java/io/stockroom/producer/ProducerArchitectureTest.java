package io.stockroom.producer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ProducerArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.stockroom.producer");

    @Test
    void domain_and_application_code_have_no_framework_imports() {
        noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "com.rabbitmq..", "jakarta.servlet..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void domain_code_does_not_reach_out_to_application_or_adapters() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..",
                        "io.stockroom.producer.web..", "io.stockroom.producer.config..")
                .check(CLASSES);
    }

    @Test
    void application_services_do_not_depend_on_adapters_or_the_ui() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "io.stockroom.producer.web..")
                .check(CLASSES);
    }
}
