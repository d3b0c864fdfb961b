package io.stockroom.bench.stack;

import io.stockroom.bench.api.ApiFailure;
import io.stockroom.bench.api.Credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A stack the benchmark starts for itself with the local launcher ({@code ./run.sh --no-build}'s jar): services with
 * the given JVM options on shifted ports (so a developer's run can stay up), a fresh data directory (store, logs,
 * secrets) per run, its own vhost on the local RabbitMQ, and order and registration limits raised so the generator
 * is not throttled. It is stopped with SIGTERM (the launcher then stops its services), and the vhost is deleted.
 */
public final class LocalStack implements Stack {

    public static final List<String> MODULES = List.of("producer-service", "add-item-consumer",
            "stock-management-consumer", "order-processing-consumer", "health-check-service");
    /** Generous: on a machine loaded by other builds five services have taken over four minutes to come up. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(480);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    private final Process launcher;
    private final Map<String, URI> services;
    private final Credentials admin;
    private final Credentials actuator;
    private final RabbitManagement rabbit;
    private final String vhost;
    private final String jvmOptions;
    private final Path dataDirectory;
    private final double startSeconds;
    private boolean closed;

    private LocalStack(Process launcher, Map<String, URI> services, Credentials admin, Credentials actuator,
                       RabbitManagement rabbit, String vhost, String jvmOptions, Path dataDirectory,
                       double startSeconds) {
        this.launcher = launcher;
        this.services = services;
        this.admin = admin;
        this.actuator = actuator;
        this.rabbit = rabbit;
        this.vhost = vhost;
        this.jvmOptions = jvmOptions;
        this.dataDirectory = dataDirectory;
        this.startSeconds = startSeconds;
    }

    /** What the started stack is given. */
    public record Options(Path root, Path dataDirectory, Map<String, URI> services, int portOffset, int mongoPort,
                          String jvmOptions, String rabbitHost, int rabbitPort, String vhost) {
    }

    public static LocalStack start(Options options, RabbitManagement rabbit, HttpClient http, PrintStream out)
            throws IOException, InterruptedException {
        Path launcherJar = options.root().resolve("local-launcher/target/local-launcher-exec.jar");
        List<String> missing = new ArrayList<>();
        for (String module : MODULES) {
            Path jar = options.root().resolve(module).resolve("target").resolve(module + "-exec.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(options.root().relativize(jar).toString());
            }
        }
        if (!Files.isRegularFile(launcherJar)) {
            missing.add(options.root().relativize(launcherJar).toString());
        }
        if (!missing.isEmpty()) {
            throw new ApiFailure("not built: " + missing + "; bench/run.sh builds them (./mvnw -DskipTests install)");
        }
        List<Integer> ports = new ArrayList<>(options.services().values().stream().map(URI::getPort).toList());
        ports.add(options.mongoPort());
        for (int port : ports) {
            if (taken(port)) {
                throw new ApiFailure("port " + port + " is in use (a previous benchmark still running?); stop it,"
                        + " or set BENCH_PORT_OFFSET");
            }
        }
        Files.createDirectories(options.dataDirectory());
        rabbit.createVhost(options.vhost());
        long started = System.nanoTime();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-jar",
                launcherJar.toString())
                .directory(options.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(options.dataDirectory().resolve("launcher.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment(options, rabbit));
        Process launcher = builder.start();
        out.println("bench: starting the stack (launcher pid " + launcher.pid() + ", ports "
                + options.services().values().stream().map(u -> Integer.toString(u.getPort())).toList()
                + ", vhost " + options.vhost() + ", data " + options.dataDirectory() + ")");
        LocalStack stack = new LocalStack(launcher, options.services(), null, null, rabbit, options.vhost(),
                options.jvmOptions(), options.dataDirectory(), 0);
        try {
            awaitUp(launcher, options, http);
            Path secrets = options.dataDirectory().resolve("dev-secrets.properties");
            Credentials admin = account(secrets, "admin");
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "bench: every service UP after %.1f s%n", seconds);
            return new LocalStack(launcher, options.services(), admin, account(secrets, "actuator"), rabbit,
                    options.vhost(), options.jvmOptions(), options.dataDirectory(), seconds);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static Map<String, String> environment(Options options, RabbitManagement rabbit) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STOCKROOM_HOME", options.root().toString());
        env.put("STOCKROOM_DATA_DIR", options.dataDirectory().toString());
        env.put("STOCKROOM_PORT_OFFSET", Integer.toString(options.portOffset()));
        env.put("STOCKROOM_MONGO_PORT", Integer.toString(options.mongoPort()));
        env.put("STOCKROOM_SERVICE_JVM_OPTS", options.jvmOptions());
        // A fresh data directory each run: extracting jars and writing class-data archives would only slow it down.
        env.put("STOCKROOM_CDS", "false");
        env.put("STOCKROOM_STARTUP_TIMEOUT_SECONDS", Long.toString(STARTUP_TIMEOUT.toSeconds()));
        env.put("RABBITMQ_HOST", options.rabbitHost());
        env.put("RABBITMQ_PORT", Integer.toString(options.rabbitPort()));
        env.put("RABBITMQ_USERNAME", rabbit.username());
        env.put("RABBITMQ_PASSWORD", rabbit.password());
        env.put("RABBITMQ_VHOST", options.vhost());
        // The generator is one client address with many shoppers: the per-user and per-address limits would measure
        // themselves. Both stay on, just far above the benchmark's load.
        env.put("STOCKROOM_PRODUCER_ORDERS_PERUSERMAX", "10000000");
        env.put("STOCKROOM_PRODUCER_REGISTRATIONS_PERADDRESSMAX", "100000");
        env.remove("MONGODB_URI");
        return env;
    }

    private static void awaitUp(Process launcher, Options options, HttpClient http)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (Map.Entry<String, URI> service : options.services().entrySet()) {
            HttpRequest health = HttpRequest.newBuilder(service.getValue().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            while (true) {
                if (!launcher.isAlive()) {
                    throw new ApiFailure("the launcher exited (" + launcher.exitValue() + ") before "
                            + service.getKey() + " was UP; see " + options.dataDirectory().resolve("launcher.log")
                            + " and " + options.dataDirectory().resolve("logs"));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new ApiFailure(service.getKey() + " not UP after " + STARTUP_TIMEOUT.toSeconds()
                            + " s; see " + options.dataDirectory().resolve("logs"));
                }
                Thread.sleep(250);
            }
        }
    }

    /** An account from the launcher's dev secrets ({@code <name>.username}, {@code <name>.password}). */
    private static Credentials account(Path secrets, String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(secrets)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new Credentials(properties.getProperty(name + ".username", "").trim(),
                properties.getProperty(name + ".password", "").trim());
    }

    private static boolean taken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public URI producer() {
        return services.get("producer-service");
    }

    @Override
    public Optional<Credentials> actuator() {
        return Optional.ofNullable(actuator).filter(account -> !account.username().isEmpty());
    }

    @Override
    public Credentials admin() {
        return admin;
    }

    @Override
    public Map<String, URI> services() {
        return services;
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        // The launcher itself runs the embedded store (and only waits otherwise): its CPU is the store's.
        pids.put("embedded store (launcher)", launcher.pid());
        launcher.descendants().forEach(child -> child.info().arguments().ifPresent(arguments -> {
            for (String module : MODULES) {
                for (String argument : arguments) {
                    if (argument.endsWith("/" + module + "-exec.jar")) {
                        pids.put(module, child.pid());
                    }
                }
            }
        }));
        return pids;
    }

    @Override
    public String vhost() {
        return vhost;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "started by the benchmark (local launcher, RabbitMQ vhost %s,"
                + " embedded store, fresh data in %s, services UP after %.0f s), service JVM options: %s",
                vhost, dataDirectory.getFileName(), startSeconds, jvmOptions);
    }

    /** SIGTERM to the launcher (it stops its services), a kill for anything left after the grace period. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> children = launcher.descendants().toList();
        if (launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                launcher.destroyForcibly();
            }
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                    child.destroyForcibly();
                    return child;
                }).join();
            }
        }
        try {
            rabbit.deleteVhost(vhost);
        } catch (ApiFailure e) {
            System.err.println("bench: " + e.getMessage());
        }
    }
}
