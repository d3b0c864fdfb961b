package io.stockroom.launcher.secrets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets for the local run only, generated once into a file (mode 600) so restarts keep the same admin password and
 * signing key. Never used outside the launcher: every other environment takes its secrets from its own environment.
 *
 * @param signingKeys    {@code STOCKROOM_SIGNING_KEYS}: {@code dev1:<base64 of 32 random bytes>}
 * @param adminUsername  the first admin of the producer
 * @param adminPassword  generated, 24 characters
 * @param brokerUsername the user of the embedded broker
 * @param brokerPassword generated
 * @param healthUsername the viewer of the health page ({@code STOCKROOM_HEALTH_USERNAME})
 * @param healthPassword generated
 * @param actuatorUsername the account that reads actuator details and metrics ({@code STOCKROOM_ACTUATOR_USERNAME})
 * @param actuatorPassword generated
 */
public record DevSecrets(String signingKeys, String adminUsername, String adminPassword, String brokerUsername,
                         String brokerPassword, String healthUsername, String healthPassword, String actuatorUsername,
                         String actuatorPassword) {

    public static final String SIGNING_KEY_ID = "dev1";
    private static final int SIGNING_KEY_BYTES = 32;
    private static final int PASSWORD_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Reads {@code file}; creates it with fresh secrets when it does not exist, and adds any secret a newer launcher
     * needs that an older file lacks (existing ones are never changed).
     */
    public static DevSecrets loadOrCreate(Path file) {
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            boolean added = false;
            added |= putIfAbsent(properties, "signing.keys", SIGNING_KEY_ID + ":" + base64(SIGNING_KEY_BYTES));
            added |= putIfAbsent(properties, "admin.username", "admin");
            added |= putIfAbsent(properties, "admin.password", password());
            added |= putIfAbsent(properties, "broker.username", "stockroom");
            added |= putIfAbsent(properties, "broker.password", password());
            added |= putIfAbsent(properties, "health.username", "health");
            added |= putIfAbsent(properties, "health.password", password());
            added |= putIfAbsent(properties, "actuator.username", "actuator");
            added |= putIfAbsent(properties, "actuator.password", password());
            if (added) {
                write(file, properties);
            }
            return new DevSecrets(properties.getProperty("signing.keys").trim(),
                    properties.getProperty("admin.username").trim(), properties.getProperty("admin.password").trim(),
                    properties.getProperty("broker.username").trim(), properties.getProperty("broker.password").trim(),
                    properties.getProperty("health.username").trim(),
                    properties.getProperty("health.password").trim(),
                    properties.getProperty("actuator.username").trim(),
                    properties.getProperty("actuator.password").trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev secrets in " + file, e);
        }
    }

    private static boolean putIfAbsent(Properties properties, String key, String value) {
        String existing = properties.getProperty(key);
        if (existing != null && !existing.isBlank()) {
            return false;
        }
        properties.setProperty(key, value);
        return true;
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "DEV ONLY: secrets of the local run (./run.sh). Delete the file to rotate them.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String base64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String password() {
        byte[] random = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "DevSecrets[admin=" + adminUsername + ", broker=" + brokerUsername + ", health=" + healthUsername
                + ", actuator=" + actuatorUsername + ", secrets hidden]";
    }
}
