package io.stockroom.health;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class HealthArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.stockroom.health");

    @Test
    void domain_and_application_code_have_no_framework_imports() {
        noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "com.rabbitmq..", "tools.jackson..", "io.micrometer..", "jakarta..")
                .check(classes);
    }

    @Test
    void the_domain_depends_on_nothing_outside_itself_and_the_jdk() {
        noClasses().that().resideInAPackage("..monitoring.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void adapters_do_not_reach_into_each_other() {
        noClasses().that().resideInAPackage("..adapter.out..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.in..")
                .check(classes);
        noClasses().that().resideInAPackage("..adapter.in..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
                .check(classes);
    }
}
