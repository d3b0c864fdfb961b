package io.stockroom.deploy;

import io.fabric8.kubernetes.api.model.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Runs {@code deploy/k8s/make-secrets.sh} and reads what it prints, as typed Secrets. */
final class GeneratedSecrets {

    private GeneratedSecrets() {
    }

    /** Secret name to the keys it holds. */
    static Map<String, Set<String>> keysByName() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        generate().forEach((name, secret) -> keys.put(name, new TreeSet<>(secret.getStringData().keySet())));
        return keys;
    }

    static Map<String, Secret> generate() {
        String output = run();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (String part : output.split("(?m)^---\\s*$")) {
            if (part.isBlank()) {
                continue;
            }
            Secret secret = (Secret) Manifests.parse(part, "make-secrets.sh");
            secrets.put(secret.getMetadata().getName(), secret);
        }
        return secrets;
    }

    private static String run() {
        try {
            Process process = new ProcessBuilder("sh", Manifests.DIRECTORY.resolve("make-secrets.sh").toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("make-secrets.sh failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
