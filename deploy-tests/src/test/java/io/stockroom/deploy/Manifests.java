package io.stockroom.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every document of every {@code deploy/k8s/*.yaml}, parsed into fabric8's typed model exactly as
 * {@code kubectl apply -f deploy/k8s/} would send them (no templating: what is in the files is what is applied).
 */
final class Manifests {

    static final Path DIRECTORY = Path.of("..", "deploy", "k8s").toAbsolutePath().normalize();

    /** One parsed document and where it came from, for messages. */
    record Document(String source, HasMetadata resource) {
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        OperatorResources.ALL.forEach(SERIALIZATION::registerKubernetesResource);
    }

    private Manifests() {
    }

    static List<Document> load() {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String[] parts = Files.readString(file).split("(?m)^---\\s*$");
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                        continue;
                    }
                    String source = file.getFileName() + "#" + i;
                    documents.add(new Document(source, parse(parts[i], source)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static HasMetadata parse(String yaml, String source) {
        KubernetesResource resource = SERIALIZATION.unmarshal(yaml, KubernetesResource.class);
        if (!(resource instanceof HasMetadata typed)
                || resource.getClass().getSimpleName().equals("GenericKubernetesResource")) {
            throw new AssertionError(source + " is not a kind the typed model knows: " + resource.getClass());
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, source, unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the Kubernetes API does not have (typos?): " + unknown);
        }
        return typed;
    }

    /** fabric8 keeps fields it does not know in additionalProperties: anywhere in a built-in object, that is a typo. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown,
                                             Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !field.trySetAccessible()) {
                    continue;
                }
                Object value = get(field, node);
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra
                        && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                } else if (!Set.of("additionalProperties").contains(field.getName())) {
                    collectUnknownFields(value, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
