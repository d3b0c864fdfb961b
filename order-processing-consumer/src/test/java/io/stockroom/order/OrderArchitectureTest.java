package io.stockroom.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class OrderArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.stockroom.order");

    @Test
    void domain_and_application_code_have_no_framework_imports() {
        noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "com.rabbitmq..", "io.micrometer..", "io.stockroom.support..")
                .check(CLASSES);
    }

    @Test
    void the_domain_does_not_reach_out_to_application_or_adapters() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stockroom.order.application..",
                        "io.stockroom.order.adapter..")
                .check(CLASSES);
    }

    @Test
    void application_services_do_not_depend_on_adapters() {
        noClasses().that().resideInAPackage("io.stockroom.order.application..")
                .should().dependOnClassesThat().resideInAPackage("io.stockroom.order.adapter..")
                .check(CLASSES);
    }
}
