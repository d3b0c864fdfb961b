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
 */
public record DevSecrets(String signingKeys, String adminUsername, String adminPassword, String brokerUsername,
                         String brokerPassword) {

    public static final String SIGNING_KEY_ID = "dev1";
    private static final int SIGNING_KEY_BYTES = 32;
    private static final int PASSWORD_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads {@code file}; creates it with fresh secrets when it does not exist. */
    public static DevSecrets loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            DevSecrets secrets = new DevSecrets(SIGNING_KEY_ID + ":" + base64(SIGNING_KEY_BYTES), "admin",
                    password(), "stockroom", password());
            secrets.write(file);
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev secrets in " + file, e);
        }
    }

    private static DevSecrets read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new DevSecrets(required(properties, "signing.keys", file), required(properties, "admin.username", file),
                required(properties, "admin.password", file), required(properties, "broker.username", file),
                required(properties, "broker.password", file));
    }

    private void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.setProperty("signing.keys", signingKeys);
        properties.setProperty("admin.username", adminUsername);
        properties.setProperty("admin.password", adminPassword);
        properties.setProperty("broker.username", brokerUsername);
        properties.setProperty("broker.password", brokerPassword);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "DEV ONLY: secrets of the local run (./run.sh). Delete the file to rotate them.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key + ": delete the file to generate fresh secrets");
        }
        return value.trim();
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
        return "DevSecrets[admin=" + adminUsername + ", broker=" + brokerUsername + ", secrets hidden]";
    }
}
