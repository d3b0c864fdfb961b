package io.stockroom.producer.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's shape (issue 13): packaged by feature with no cycle between its top-level packages, ports and
 * adapters inside each feature, shared plumbing that knows no feature, and a committed map of it all that stays true.
 * The framework-free domain rules are in {@code ProducerArchitectureTest}.
 */
class ProducerShapeTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ProducerFeatureMap.ROOT);

    /** Relative to the module directory, where Maven runs the tests. */
    static final Path FEATURE_MAP = Path.of("..", "docs", "architecture", "producer-features.md");

    private static final String[] FEATURES = ProducerFeatureMap.FEATURES.stream()
            .map(feature -> ProducerFeatureMap.ROOT + "." + feature + "..").toArray(String[]::new);

    @Test
    void top_level_packages_are_free_of_cycles() {
        slices().matching("io.stockroom.producer.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void the_layers_inside_each_feature_are_free_of_cycles() {
        slices().matching("io.stockroom.producer.(*).(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void domain_code_depends_on_no_adapter_no_application_service_and_no_web() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..application..",
                        "io.stockroom.producer.web..", "io.stockroom.producer.api..", "org.springframework.web..",
                        "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void application_services_depend_on_no_adapter_and_no_web() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "io.stockroom.producer.web..",
                        "io.stockroom.producer.api..", "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void shared_plumbing_knows_no_feature() {
        noClasses().that().resideInAnyPackage("io.stockroom.producer.web..", "io.stockroom.producer.api..",
                        "io.stockroom.producer.common..", "io.stockroom.producer.config..",
                        "io.stockroom.producer.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(CLASSES);
    }

    @Test
    void nothing_depends_on_the_composition_root() {
        noClasses().that().resideOutsideOfPackage("io.stockroom.producer.boot..")
                .should().dependOnClassesThat().resideInAPackage("io.stockroom.producer.boot..")
                .check(CLASSES);
    }

    @Test
    void controllers_live_in_their_feature_web_adapter() {
        classes().that().areNotAnnotations().and(
                        annotatedWith(Controller.class).or(annotatedWith(RestController.class))
                                .or(metaAnnotatedWith(RestController.class)))
                .should().resideInAPackage("..adapter.in.web..")
                .orShould().haveFullyQualifiedName("io.stockroom.producer.web.HomeController")
                .check(CLASSES);
    }

    @Test
    void the_committed_feature_map_matches_the_code() throws IOException {
        String generated = ProducerFeatureMap.markdown(CLASSES);
        if (Boolean.getBoolean("producer.featureMap.write")) {
            Files.createDirectories(FEATURE_MAP.getParent());
            Files.writeString(FEATURE_MAP, generated);
        }
        assertThat(FEATURE_MAP).as("docs/architecture/producer-features.md; to update it after a deliberate change,"
                + " run this test with -Dproducer.featureMap.write=true and commit the file").exists();
        assertThat(Files.readString(FEATURE_MAP)).as("docs/architecture/producer-features.md is out of date; run"
                + " this test with -Dproducer.featureMap.write=true and commit the file").isEqualTo(generated);
    }
}
