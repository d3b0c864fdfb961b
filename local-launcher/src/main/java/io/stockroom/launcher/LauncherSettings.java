package io.stockroom.launcher;

import io.stockroom.launcher.services.ServiceSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from its environment, with defaults for a fresh clone on a developer machine.
 *
 * @param root            the repository root (the jars are under it); {@code STOCKROOM_HOME}, default the working dir
 * @param dataDirectory   logs, the store file, dev secrets; {@code STOCKROOM_DATA_DIR}, default {@code <root>/.data}
 * @param mongoUri        {@code MONGODB_URI} if set: then no embedded store is started
 * @param mongoPort       port of the embedded store; {@code STOCKROOM_MONGO_PORT}, default 27017
 * @param rabbitHost      {@code RABBITMQ_HOST}, default 127.0.0.1
 * @param rabbitPort      {@code RABBITMQ_PORT}, default 5672
 * @param startupTimeout  how long each service may take to be UP; {@code STOCKROOM_STARTUP_TIMEOUT_SECONDS}, default 120
 * @param serviceJvmOptions JVM options of every service; {@code STOCKROOM_SERVICE_JVM_OPTS}
 * @param checkOnly       {@code --check}: start, report, stop, exit with 0 only if every built service came up
 * @param only            {@code STOCKROOM_SERVICES}: comma-separated modules to start (default: all)
 * @param classDataSharing {@code STOCKROOM_CDS}: extract the jars and keep a CDS archive per service (default true)
 * @param portOffset      {@code STOCKROOM_PORT_OFFSET}: added to every service's port (default 0), so a second stack
 *                        (the benchmark's) can run beside a developer's
 */
public record LauncherSettings(Path root, Path dataDirectory, Optional<String> mongoUri, int mongoPort,
                               String rabbitHost, int rabbitPort, Duration startupTimeout,
                               List<String> serviceJvmOptions, boolean checkOnly, List<String> only,
                               boolean classDataSharing, int portOffset) {

    /** Fast start on 2 cores: C1 only, serial GC, small heaps. A local run, not a benchmark. */
    static final String DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx512m";
    private static final int STARTUP_TIMEOUT_SECONDS_MAX = 600;
    /** Keeps every shifted port (8080..8085 plus the offset) a valid, unprivileged port. */
    private static final int PORT_OFFSET_MAX = 50_000;

    public LauncherSettings {
        if (mongoPort < 1 || mongoPort > 65_535 || rabbitPort < 1 || rabbitPort > 65_535) {
            throw new IllegalArgumentException("ports must be 1..65535");
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()
                || startupTimeout.toSeconds() > STARTUP_TIMEOUT_SECONDS_MAX) {
            throw new IllegalArgumentException("STOCKROOM_STARTUP_TIMEOUT_SECONDS must be 1.." + STARTUP_TIMEOUT_SECONDS_MAX);
        }
        if (portOffset < 0 || portOffset > PORT_OFFSET_MAX) {
            throw new IllegalArgumentException("STOCKROOM_PORT_OFFSET must be 0.." + PORT_OFFSET_MAX);
        }
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        only = List.copyOf(only);
    }

    static LauncherSettings from(Map<String, String> env, String[] arguments) {
        Path root = Path.of(env.getOrDefault("STOCKROOM_HOME", System.getProperty("user.dir"))).toAbsolutePath()
                .normalize();
        Path data = Path.of(env.getOrDefault("STOCKROOM_DATA_DIR", root.resolve(".data").toString()))
                .toAbsolutePath().normalize();
        Optional<String> mongoUri = Optional.ofNullable(env.get("MONGODB_URI")).filter(s -> !s.isBlank());
        List<String> jvm = Arrays.stream(env.getOrDefault("STOCKROOM_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS)
                .trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        boolean check = Arrays.asList(arguments).contains("--check");
        return new LauncherSettings(root, data, mongoUri,
                integer(env, "STOCKROOM_MONGO_PORT", 27017),
                env.getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
                integer(env, "RABBITMQ_PORT", 5672),
                Duration.ofSeconds(integer(env, "STOCKROOM_STARTUP_TIMEOUT_SECONDS", 120)),
                jvm, check, Arrays.stream(env.getOrDefault("STOCKROOM_SERVICES", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                !"false".equalsIgnoreCase(env.getOrDefault("STOCKROOM_CDS", "true").trim()),
                integer(env, "STOCKROOM_PORT_OFFSET", 0));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }

    /** Every service this run may start, on its (shifted) port. */
    List<ServiceSpec> services() {
        return ServiceSpec.ALL.stream().map(spec -> spec.shifted(portOffset)).toList();
    }

    boolean wanted(String module) {
        return only.isEmpty() || only.contains(module);
    }

    boolean rabbitIsLocal() {
        return rabbitHost.equals("127.0.0.1") || rabbitHost.equals("localhost") || rabbitHost.equals("::1");
    }
}
