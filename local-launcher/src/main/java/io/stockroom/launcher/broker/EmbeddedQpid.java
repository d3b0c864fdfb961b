package io.stockroom.launcher.broker;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Apache Qpid Broker-J in this process, speaking AMQP 0-9-1 on one port, for machines where no RabbitMQ answers.
 * Its configuration (broker, port, one user, one virtual host) is written by us at every start and kept in memory;
 * messages live in memory too, so the embedded broker starts empty (ADR 0003). Services talking to it must run with
 * {@code STOCKROOM_BROKER=qpid}: Qpid has no quorum queues, so service-support declares classic durable queues.
 */
public final class EmbeddedQpid implements AutoCloseable {

    /** The virtual host name; clients reach it as "/" too, through Qpid's default alias. */
    public static final String VIRTUAL_HOST = "default";

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedQpid(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    /**
     * Starts the broker on {@code bindAddress:port} with one user allowed to do everything (the embedded broker is a
     * local development tool; least-privilege users belong on RabbitMQ, see deploy/rabbitmq).
     */
    public static EmbeddedQpid start(Path workDir, String bindAddress, int port, String username, String password)
            throws Exception {
        Objects.requireNonNull(workDir, "workDir");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        requireText(username, "username");
        requireText(password, "password");
        Files.createDirectories(workDir);
        Path config = workDir.resolve("initial-config.json");
        writeInitialConfig(config, bindAddress, port, username, password);

        // Qpid would read its system properties from a "classpath:" URL, a protocol unknown inside a Boot jar.
        Path systemProperties = workDir.resolve("system.properties");
        Files.writeString(systemProperties, "# no extra system properties for the embedded broker\n",
                StandardCharsets.UTF_8);

        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString());
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toUri().toString());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, Boolean.FALSE);
        attributes.put(SystemConfig.CONTEXT, Map.of(
                SystemConfig.QPID_WORK_DIR, workDir.toAbsolutePath().toString(),
                "qpid.home_dir", workDir.toAbsolutePath().toString()));
        SystemLauncher launcher = new SystemLauncher();
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            launcher.shutdown();
            throw e;
        }
        return new EmbeddedQpid(launcher, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException alreadyStopping) {
            // Qpid's own JVM shutdown hook got there first (its task executor is no longer active): nothing to do.
        }
    }

    static void writeInitialConfig(Path file, String bindAddress, int port, String username, String password) {
        String json = """
                {
                  "name": "stockroom-embedded",
                  "modelVersion": "8.0",
                  "authenticationproviders": [ {
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [ { "name": %s, "type": "managed", "password": %s } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP",
                    "port": %d,
                    "bindingAddress": %s,
                    "protocols": [ "AMQP_0_9_1" ],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" }
                    ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": %s,
                    "type": "Memory",
                    "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                  } ]
                }
                """.formatted(quote(username), quote(password), port, quote(bindAddress), quote(VIRTUAL_HOST));
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Qpid configuration " + file, e);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
