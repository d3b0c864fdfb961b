package io.stockroom.contracts;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ContractsArchitectureTest {

    @Test
    void contracts_depend_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("io.stockroom.contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.stockroom.contracts..", "java..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.stockroom.contracts"));
    }
}
