package io.stockroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the system, run from its packaged runnable jar as a separate JVM, exactly as it runs in production:
 * configuration through command-line properties and environment, output to a log file under {@code target/}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String module;
    private final int port;
    private final int healthPort;
    private final List<String> properties;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(String module, int port, List<String> properties, Map<String, String> environment) {
        this(module, module, port, properties, environment);
    }

    /**
     * One of several instances of {@code module}, or another stack's service.
     *
     * @param logName the log file's name under {@code target/e2e-logs/} (another stack's services log apart)
     */
    ServiceProcess(String module, String logName, int port, List<String> properties, Map<String, String> environment) {
        this(module, logName, port, port, properties, environment);
    }

    /** An instance whose actuator listens on a management port of its own ({@code healthPort}). */
    ServiceProcess(String module, String logName, int port, int healthPort, List<String> properties,
                   Map<String, String> environment) {
        this.name = logName;
        this.module = module;
        this.port = port;
        this.healthPort = healthPort;
        this.properties = List.copyOf(properties);
        this.environment = Map.copyOf(environment);
        this.log = Path.of("target", "e2e-logs", logName + ".log");
    }

    String module() {
        return module;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static Path jarOf(String module) {
        Path jar = Path.of("..", module, "target", module + "-exec.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + ": build the reactor (./mvnw verify)");
        }
        return jar;
    }

    /** Starts the JVM and waits until its actuator health answers UP. */
    ServiceProcess start() {
        try {
            Files.createDirectories(log.getParent());
            // More carriers for virtual threads than this 2-core machine's default of 2: a virtual thread that waits
            // for the nested jar's lock while the JVM loads a class pins its carrier, and with every carrier pinned
            // the lock's holder never runs again (seen: the producer froze at the fuzz test's first requests, jstack
            // showing both carriers in NestedJarFile.hasEntry). Reported to the lead as a production risk.
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djdk.virtualThreadScheduler.parallelism=16", "-jar", jarOf(module).toString(),
                    "--server.port=" + port));
            properties.forEach(property -> command.add("--" + property));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LOG_FORMAT", "text");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
        return this;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + healthPort + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process without a chance to clean up, as a crash or an OOM kill would. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** Asks the process to stop (SIGTERM: graceful shutdown), killing it if it does not within 30 s. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
