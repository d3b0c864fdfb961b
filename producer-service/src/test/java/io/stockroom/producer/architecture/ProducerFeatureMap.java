package io.stockroom.producer.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The producer's top-level packages and which of them each one depends on, read from the compiled classes, written
 * as Markdown ({@code docs/architecture/producer-features.md}). {@link ProducerShapeTest} fails when the committed
 * file differs from what the code yields, so the map stays true; run that test with
 * {@code -Dproducer.featureMap.write=true} to write it after a deliberate change.
 */
final class ProducerFeatureMap {

    static final String ROOT = "io.stockroom.producer";

    /** Packages a feature is made of: it has its own domain, application services or adapters. */
    static final Set<String> FEATURES = Set.of("account", "catalogue", "command", "importing", "live", "order");

    /** What every other top-level package is for, in one line each. */
    private static final Map<String, String> SUPPORT = Map.of(
            "api", "the JSON API's shared plumbing: problem details, body limits, request mapping",
            "boot", "composition root: queues and their handlers, startup order (nothing depends on it)",
            "common", "plain values every feature uses (requester, pages, CSV, rate limiter)",
            "config", "the producer's settings (`stockroom.producer.*`) and request correlation",
            "projection", "the durable projection queue's handler (command outcomes, order views)",
            "security", "login, HTTP Basic, throttling, account status on every request",
            "seed", "dev profile's sample catalogue",
            "shared", "state all instances share in MongoDB: sessions, rate-limit buckets",
            "web", "what every page shares (flash, formats, paging); depends on no feature");

    private ProducerFeatureMap() {
    }

    /** Top-level package → the top-level packages its classes use (itself excluded), both sorted. */
    static SortedMap<String, SortedSet<String>> dependencies(JavaClasses classes) {
        SortedMap<String, SortedSet<String>> map = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            String from = topLevel(javaClass);
            if (from == null) {
                continue;
            }
            SortedSet<String> targets = map.computeIfAbsent(from, key -> new TreeSet<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String to = topLevel(dependency.getTargetClass().getBaseComponentType());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return map;
    }

    /** The Markdown page: one table of features, one of supporting packages, and a Mermaid graph of the features. */
    static String markdown(JavaClasses classes) {
        SortedMap<String, SortedSet<String>> map = dependencies(classes);
        StringBuilder out = new StringBuilder();
        out.append("# producer-service: features and their dependencies\n\n")
                .append("Generated from the compiled classes by `ProducerFeatureMap` (producer-service tests); ")
                .append("`ProducerShapeTest` fails when this file\ndiffers from the code. Each top-level package of ")
                .append("`io.stockroom.producer` is one row; \"depends on\" lists the\ntop-level packages its ")
                .append("classes use. The packages form no cycle (also checked by `ProducerShapeTest`).\n\n")
                .append("## Features\n\n")
                .append("A feature has the `domain`, `application` and `adapter.{in,out}.*` packages it needs; its ")
                .append("pages and API endpoints\nare in `adapter.in.web`, its wiring in `<Feature>Configuration`.\n\n")
                .append("| feature | depends on features | depends on support |\n|---|---|---|\n");
        map.forEach((from, targets) -> {
            if (FEATURES.contains(from)) {
                out.append("| `").append(from).append("` | ").append(list(targets, true)).append(" | ")
                        .append(list(targets, false)).append(" |\n");
            }
        });
        out.append("\n## Supporting packages\n\n| package | what it is | depends on features | depends on support |\n")
                .append("|---|---|---|---|\n");
        map.forEach((from, targets) -> {
            if (!FEATURES.contains(from)) {
                out.append("| `").append(from).append("` | ").append(SUPPORT.getOrDefault(from, "(undescribed)"))
                        .append(" | ").append(list(targets, true)).append(" | ").append(list(targets, false))
                        .append(" |\n");
            }
        });
        out.append("\n## Features as a graph\n\n```mermaid\ngraph LR\n");
        map.forEach((from, targets) -> {
            if (FEATURES.contains(from)) {
                targets.stream().filter(FEATURES::contains)
                        .forEach(to -> out.append("  ").append(from).append(" --> ").append(to).append('\n'));
            }
        });
        return out.append("```\n").toString();
    }

    private static String list(SortedSet<String> targets, boolean features) {
        List<String> chosen = targets.stream().filter(to -> FEATURES.contains(to) == features)
                .map(to -> "`" + to + "`").toList();
        return chosen.isEmpty() ? "—" : String.join(", ", chosen);
    }

    /** The top-level package under {@link #ROOT}, or null for the root package itself and for other code. */
    private static String topLevel(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
