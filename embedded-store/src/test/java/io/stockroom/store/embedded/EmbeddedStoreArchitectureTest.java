package io.stockroom.store.embedded;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The embedded store is a development and test stand-in for MongoDB (ADR 0002), below everything else: it knows no
 * Stockroom module and no framework, only mongo-java-server, its H2 backend and Netty. service-support's shared rule
 * set cannot be used here (service-support depends on this module), so these are its own rules, as strict.
 */
class EmbeddedStoreArchitectureTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.stockroom.store");

    @Test
    void the_store_uses_only_the_jdk_mongo_java_server_h2_and_netty() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.stockroom.store.embedded..", "java..",
                "de.bwaldvogel.mongo..", "org.h2..", "io.netty..", "org.slf4j..").check(STORE);
    }
}
