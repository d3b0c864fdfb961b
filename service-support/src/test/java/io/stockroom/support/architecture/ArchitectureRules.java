package io.stockroom.support.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one architecture rule set of every service, library and tool module, equally strict everywhere. A module's
 * test applies it to its own main classes with its artifact id: {@code ArchitectureRules.of("add-item-consumer")
 * .check()}. Two modules cannot use it, since service-support depends on them: the contracts (common-model) keep
 * their own, stricter rule (the JDK only), and embedded-store (a test store, no collections of its own) has none.
 *
 * <ul>
 *   <li>domain and application code know no framework, driver, broker client or shared infrastructure;</li>
 *   <li>the domain does not reach out to the application or to adapters, the application not to adapters;</li>
 *   <li>inbound and outbound adapters do not use each other (wiring configurations excepted);</li>
 *   <li>persistence code names only the collections its module owns ({@link Ownership}), and every one it owns;</li>
 *   <li>only the deployables {@link Ownership#STOCK_GATEWAY} lists use the stock ledger's persistence classes, and
 *       only those it lists.</li>
 * </ul>
 */
public final class ArchitectureRules {

    /** What domain and application code must not depend on. */
    static final String[] FRAMEWORKS = {"org.springframework..", "com.mongodb..", "org.bson..", "com.rabbitmq..",
        "jakarta..", "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..", "io.stockroom.support.."};
    /**
     * Framework packages a module's domain or application code still uses, with the reason; everything else in
     * {@link #FRAMEWORKS} stays forbidden to it. Each entry is a known debt, listed so that it cannot grow unseen.
     */
    static final Map<String, Exemption> FRAMEWORK_EXEMPTIONS = Map.of(
            "producer-service", new Exemption(List.of("io.micrometer..", "io.stockroom.support.messaging.."),
                    "AdminCommands and Orders (application) publish through service-support's MessagePublisher "
                            + "and count with Micrometer; ports for both belong to the producer's reshaping "
                            + "(issue 13, part 3)"),
            "stock-management-consumer", new Exemption(List.of("io.stockroom.support.messaging.."),
                    "ItemCheck (application) throws service-support's TransientFailure to have a command retried "
                            + "while its item is on the way"));

    record Exemption(List<String> packages, String reason) {
    }

    private static final String[] MONGO = {"com.mongodb..", "org.bson..", "org.springframework.data.mongodb.."};

    private final String module;
    private final JavaClasses classes;

    private ArchitectureRules(String module, JavaClasses classes) {
        this.module = module;
        this.classes = classes;
    }

    /** The rules for the module whose tests run now: its own main classes, from {@code target/classes}. */
    public static ArchitectureRules of(String module) {
        Path main = Path.of("target", "classes");
        if (!Files.isDirectory(main)) {
            throw new IllegalStateException("no compiled main classes at " + main.toAbsolutePath());
        }
        return of(module, new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(main));
    }

    static ArchitectureRules of(String module, JavaClasses classes) {
        return new ArchitectureRules(module, classes);
    }

    /** Checks every rule at once; a failure reports every violation of every broken rule. */
    public void check() {
        CompositeArchRule.of(rules()).check(classes);
    }

    List<ArchRule> rules() {
        return List.of(domainAndApplicationKnowNoFramework(), domainStaysInside(), applicationKnowsNoAdapter(),
                outboundAdaptersDoNotUseInboundOnes(), inboundAdaptersDoNotUseOutboundOnes(),
                collectionsAreNamedOnlyByTheirOwner(), everyOwnedCollectionIsNamed(),
                stockIsReachedOnlyThroughTheGateway());
    }

    ArchRule domainAndApplicationKnowNoFramework() {
        List<String> exempt = FRAMEWORK_EXEMPTIONS.containsKey(module)
                ? FRAMEWORK_EXEMPTIONS.get(module).packages() : List.of();
        DescribedPredicate<JavaClass> forbidden = JavaClass.Predicates.resideInAnyPackage(FRAMEWORKS);
        if (!exempt.isEmpty()) {
            forbidden = forbidden.and(DescribedPredicate.not(
                    JavaClass.Predicates.resideInAnyPackage(exempt.toArray(String[]::new))));
        }
        return noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat(forbidden).allowEmptyShould(true);
    }

    ArchRule domainStaysInside() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "..web..",
                        "..config..", "..messaging..", "org.slf4j..")
                .allowEmptyShould(true);
    }

    ArchRule applicationKnowsNoAdapter() {
        return noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..web..", "..config..")
                .allowEmptyShould(true);
    }

    ArchRule outboundAdaptersDoNotUseInboundOnes() {
        return noClasses().that().resideInAPackage("..adapter.out..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.in..")
                .allowEmptyShould(true);
    }

    ArchRule inboundAdaptersDoNotUseOutboundOnes() {
        return classes().should(new ArchCondition<>("not be an inbound adapter that uses an outbound adapter "
                + "(wiring excepted)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!item.getPackageName().contains(".adapter.in") || wiring(item)) {
                    return;
                }
                item.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().getPackageName().contains(".adapter.out"))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(item,
                                dependency.getDescription())));
            }
        }).allowEmptyShould(true);
    }

    private static boolean wiring(JavaClass item) {
        return item.isAnnotatedWith("org.springframework.context.annotation.Configuration")
                || item.getEnclosingClass().map(ArchitectureRules::wiring).orElse(false);
    }

    ArchRule collectionsAreNamedOnlyByTheirOwner() {
        return classes().that().resideOutsideOfPackage("io.stockroom.contracts..")
                .should(new ArchCondition<>("name only collections owned by " + module + " (Ownership)") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (String collection : persistenceConstants(item)) {
                            String owner = Ownership.OWNER.get(collection);
                            if (owner != null && !owner.equals(module)
                                    && Ownership.borrowed(module, collection).isEmpty()) {
                                events.add(SimpleConditionEvent.violated(item, item.getName() + " names the "
                                        + "collection '" + collection + "' owned by " + owner));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    ArchRule everyOwnedCollectionIsNamed() {
        Set<String> owned = Ownership.ownedBy(module);
        return classes().should(new ArchCondition<>("together name every collection " + module + " owns") {
            private final Set<String> named = new HashSet<>();

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                named.addAll(persistenceConstants(item));
            }

            @Override
            public void finish(ConditionEvents events) {
                Set<String> missing = new TreeSet<>(owned);
                missing.removeAll(named);
                missing.forEach(collection -> events.add(SimpleConditionEvent.violated(collection, module
                        + " owns '" + collection + "' in Ownership but no persistence class of it names it")));
            }
        }).allowEmptyShould(true);
    }

    ArchRule stockIsReachedOnlyThroughTheGateway() {
        Set<String> allowed = Ownership.STOCK_GATEWAY.getOrDefault(module, Set.of());
        return classes().that().resideOutsideOfPackage(Ownership.STOCK_GATEWAY_PACKAGE)
                .should(new ArchCondition<>("use the stock ledger's persistence classes only " + allowed) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getDirectDependenciesFromSelf().stream()
                                .map(Dependency::getTargetClass)
                                .filter(target -> target.getPackageName().equals(Ownership.STOCK_GATEWAY_PACKAGE))
                                .filter(target -> !allowed.contains(target.getSimpleName()))
                                .distinct()
                                .forEach(target -> events.add(SimpleConditionEvent.violated(item, item.getName()
                                        + " uses " + target.getName())));
                    }
                }).allowEmptyShould(true);
    }

    /**
     * The string constants of a class that calls MongoDB's driver or Spring Data MongoDB, where a collection is named
     * (so a JSON field, a page label or a rate-limit bucket elsewhere never counts).
     */
    private static Set<String> persistenceConstants(JavaClass item) {
        boolean persistence = item.getAccessesFromSelf().stream()
                .anyMatch(access -> startsWithAny(access.getTargetOwner().getPackageName(), MONGO));
        if (!persistence || item.getSource().isEmpty()) {
            return Set.of();
        }
        return ClassConstants.strings(item.getSource().get().getUri());
    }

    private static boolean startsWithAny(String packageName, String[] patterns) {
        for (String pattern : patterns) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
