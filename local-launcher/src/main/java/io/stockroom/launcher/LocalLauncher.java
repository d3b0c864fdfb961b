package io.stockroom.launcher;

import io.stockroom.launcher.broker.AmqpProbe;
import io.stockroom.launcher.broker.EmbeddedQpid;
import io.stockroom.launcher.secrets.DevSecrets;
import io.stockroom.launcher.services.ChildService;
import io.stockroom.launcher.services.FastStart;
import io.stockroom.launcher.services.ServiceSpec;
import io.stockroom.launcher.store.EmbeddedMongo;
import io.stockroom.launcher.store.MongoProbe;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one-command local run: an embedded MongoDB-wire store, RabbitMQ if one answers (else an embedded Qpid broker),
 * dev-only secrets, and every built service as a child process, each waited for until its health is UP. Ctrl-C stops
 * the services (SIGTERM, then a kill after a grace period), then the embedded broker and store.
 */
public final class LocalLauncher {

    private static final String DATABASE = "stockroom";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    /** Writing the class data archives at the first stop takes a while when every service does it at once. */
    private static final Duration STOP_GRACE_WRITING_ARCHIVES = Duration.ofSeconds(150);
    private static final String RULE = "=".repeat(78);

    private final LauncherSettings settings;
    private final PrintStream out;
    private final List<ChildService> children = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedMongo mongo;
    private EmbeddedQpid qpid;
    private volatile boolean stopping;
    private volatile boolean writingArchives;

    LocalLauncher(LauncherSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("stockroom: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalLauncher launcher = new LocalLauncher(settings, System.out);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stockroom-stop").unstarted(launcher::stop));
        int code;
        try {
            code = launcher.run();
        } catch (LaunchFailure e) {
            System.err.println();
            System.err.println("stockroom: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            System.err.println();
            System.err.println("stockroom: the launcher failed: " + e);
            e.printStackTrace(System.err);
            code = 1;
        }
        if (code != 0 || settings.checkOnly()) {
            System.exit(code); // runs the shutdown hook, which stops whatever was started
        }
        launcher.awaitStop();
    }

    /** @return the exit code if the launcher should end now, 0 to keep serving until Ctrl-C */
    int run() throws Exception {
        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        Files.createDirectories(settings.dataDirectory());
        DevSecrets secrets = DevSecrets.loadOrCreate(settings.dataDirectory().resolve("dev-secrets.properties"));

        String mongoUri = startOrFindMongo();
        Broker broker = startOrFindBroker(secrets);
        Map<String, String> environment = childEnvironment(mongoUri, broker, secrets);
        Selection selection = selectServices();
        if (!startChildren(selection.toStart(), environment)) {
            return 1;
        }
        Map<ChildService, Optional<String>> outcomes = awaitHealth();
        double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
        printSummary(outcomes, selection.notStarted(), broker, mongoUri, secrets, seconds);
        return endOrServe(outcomes, selection.notStarted());
    }

    /** The services to start, and why each of the others is not started. */
    private record Selection(List<ServiceSpec> toStart, List<String> notStarted) {
    }

    /** What every child service is given: the store, the broker, the dev secrets and where the others listen. */
    private Map<String, String> childEnvironment(String mongoUri, Broker broker, DevSecrets secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "dev");
        environment.put("LOG_FORMAT", "text");
        environment.put("MONGODB_URI", mongoUri);
        environment.put("RABBITMQ_HOST", settings.rabbitHost());
        environment.put("RABBITMQ_PORT", Integer.toString(settings.rabbitPort()));
        environment.put("RABBITMQ_USERNAME", broker.username());
        environment.put("RABBITMQ_PASSWORD", broker.password());
        environment.put("RABBITMQ_VHOST", broker.virtualHost());
        environment.put("STOCKROOM_BROKER", broker.kind());
        environment.put("STOCKROOM_SIGNING_KEYS", secrets.signingKeys());
        environment.put("STOCKROOM_SIGNING_ACTIVE_KEY", DevSecrets.SIGNING_KEY_ID);
        environment.put("STOCKROOM_ADMIN_USERNAME", secrets.adminUsername());
        environment.put("STOCKROOM_ADMIN_PASSWORD", secrets.adminPassword());
        environment.put("STOCKROOM_HEALTH_USERNAME", secrets.healthUsername());
        environment.put("STOCKROOM_HEALTH_PASSWORD", secrets.healthPassword());
        environment.put("STOCKROOM_ACTUATOR_USERNAME", secrets.actuatorUsername());
        environment.put("STOCKROOM_ACTUATOR_PASSWORD", secrets.actuatorPassword());
        if (broker.kind().equals("qpid")) {
            // Qpid has no management API: the health service reads queue figures over AMQP (passive declares).
            environment.put("STOCKROOM_HEALTH_QUEUE_SOURCE", "amqp");
        } else if (settings.rabbitIsLocal()) {
            environment.putIfAbsent("RABBITMQ_MANAGEMENT_URL", System.getenv().getOrDefault("RABBITMQ_MANAGEMENT_URL",
                    "http://127.0.0.1:15672"));
        }
        for (ServiceSpec spec : settings.services()) {
            // The health service finds the others here; with a port offset they are not on their default ports.
            environment.put(spec.urlVariable(), spec.baseUrl());
        }
        return environment;
    }

    /** The wanted services that are built and whose port is free; fails when none is. */
    private Selection selectServices() throws LaunchFailure {
        List<ServiceSpec> toStart = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (ServiceSpec spec : settings.services()) {
            if (!settings.wanted(spec.module())) {
                continue;
            }
            Path jar = spec.jar(settings.root());
            if (!Files.isRegularFile(jar)) {
                notStarted.add(spec.module() + ": not built (no " + settings.root().relativize(jar)
                        + "); build it with ./mvnw -q -DskipTests install");
            } else if (portTaken(spec.port())) {
                notStarted.add(spec.module() + ": port " + spec.port() + " is already in use (a previous run still"
                        + " alive?); stop whatever listens there");
            } else {
                toStart.add(spec);
            }
        }
        if (toStart.isEmpty()) {
            notStarted.forEach(line -> out.println("  NOT STARTED  " + line));
            throw new LaunchFailure("no service can be started; see above");
        }
        return new Selection(toStart, notStarted);
    }

    /** Starts each service as a child process (with class data sharing where prepared); false if stopped meanwhile. */
    private boolean startChildren(List<ServiceSpec> toStart, Map<String, String> environment)
            throws IOException, InterruptedException, ExecutionException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path logs = settings.dataDirectory().resolve("logs");
        Map<ServiceSpec, Optional<FastStart.Launch>> launches = prepareLaunches(java, toStart);
        writingArchives = launches.values().stream().flatMap(Optional::stream)
                .anyMatch(FastStart.Launch::writesArchive);
        for (ServiceSpec spec : toStart) {
            Map<String, String> own = new LinkedHashMap<>(environment);
            own.put("PORT", Integer.toString(spec.port()));
            Optional<FastStart.Launch> fast = launches.get(spec);
            List<String> jvmOptions = new ArrayList<>(fast.map(FastStart.Launch::jvmOptions).orElse(List.of()));
            jvmOptions.addAll(settings.serviceJvmOptions());
            Path jar = fast.map(FastStart.Launch::jar).orElse(spec.jar(settings.root()));
            synchronized (children) {
                if (stopping) {
                    return false;
                }
                children.add(ChildService.start(spec, java, jar, jvmOptions, own, logs));
            }
            out.println("  starting     " + spec.module() + " (port " + spec.port() + ", log "
                    + settings.root().relativize(logs.resolve(spec.module() + ".log")) + ")");
        }
        return true;
    }

    /** Reports the services that did not come up and ends, or watches the children and keeps serving (0). */
    private int endOrServe(Map<ChildService, Optional<String>> outcomes, List<String> notStarted) {
        List<ChildService> failed = outcomes.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(Map.Entry::getKey).toList();
        if (!failed.isEmpty()) {
            for (ChildService child : failed) {
                out.println();
                out.println("stockroom: " + child.spec().module() + " did not come up: "
                        + outcomes.get(child).orElseThrow() + ". Its log: " + child.log() + " (last lines below)");
                child.logTail().forEach(line -> out.println("  | " + line));
            }
            return settings.checkOnly() ? 1 : (failed.size() == outcomes.size() ? 1 : 0);
        }
        if (settings.checkOnly()) {
            out.println("--check: every built service came up; stopping.");
            return notStarted.isEmpty() ? 0 : 3;
        }
        watchChildren();
        out.println("Press Ctrl-C to stop everything.");
        return 0;
    }

    /** Extracts the boot jars for class data sharing, in parallel; a service whose preparation fails runs as is. */
    private Map<ServiceSpec, Optional<FastStart.Launch>> prepareLaunches(Path java, List<ServiceSpec> specs)
            throws InterruptedException, ExecutionException {
        Map<ServiceSpec, Optional<FastStart.Launch>> launches = new LinkedHashMap<>();
        if (!settings.classDataSharing()) {
            specs.forEach(spec -> launches.put(spec, Optional.empty()));
            return launches;
        }
        FastStart fastStart = new FastStart(java, settings.dataDirectory().resolve("run"));
        try (ExecutorService preparers = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ServiceSpec, Future<Optional<FastStart.Launch>>> futures = new LinkedHashMap<>();
            for (ServiceSpec spec : specs) {
                futures.put(spec, preparers.submit(() -> fastStart.prepare(spec, spec.jar(settings.root()))));
            }
            for (Map.Entry<ServiceSpec, Future<Optional<FastStart.Launch>>> entry : futures.entrySet()) {
                launches.put(entry.getKey(), entry.getValue().get());
            }
        }
        return launches;
    }

    private String startOrFindMongo() throws LaunchFailure {
        if (settings.mongoUri().isPresent()) {
            out.println("  MongoDB      using MONGODB_URI from the environment");
            return settings.mongoUri().get();
        }
        String local = "mongodb://127.0.0.1:" + settings.mongoPort() + "/" + DATABASE;
        if (MongoProbe.listening("127.0.0.1", settings.mongoPort(), PROBE_TIMEOUT)) {
            if (MongoProbe.answersPing(local, PROBE_TIMEOUT)) {
                out.println("  MongoDB      a MongoDB already answers on 127.0.0.1:" + settings.mongoPort()
                        + ": using it (no embedded store started)");
                return local;
            }
            throw new LaunchFailure("port " + settings.mongoPort() + " is taken by something that is not MongoDB;"
                    + " free it, or set STOCKROOM_MONGO_PORT or MONGODB_URI");
        }
        Path file = settings.dataDirectory().resolve("mongo.mv");
        mongo = EmbeddedMongo.start(file, "127.0.0.1", settings.mongoPort());
        out.println("  MongoDB      embedded MongoDB-wire server on 127.0.0.1:" + mongo.port() + " (data in "
                + settings.root().relativize(file) + ")");
        return mongo.uri(DATABASE);
    }

    private Broker startOrFindBroker(DevSecrets secrets) throws Exception {
        String host = settings.rabbitHost();
        int port = settings.rabbitPort();
        if (AmqpProbe.answers(host, port, PROBE_TIMEOUT)) {
            String username = System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest");
            String password = System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest");
            String vhost = System.getenv().getOrDefault("RABBITMQ_VHOST", "/");
            out.println("  RabbitMQ     a broker answers AMQP on " + host + ":" + port + ": using it (user "
                    + username + ", vhost " + vhost + ")");
            return new Broker("rabbitmq", username, password, vhost);
        }
        if (!settings.rabbitIsLocal()) {
            throw new LaunchFailure("no AMQP broker answers on " + host + ":" + port + " and the embedded broker"
                    + " only runs locally; unset RABBITMQ_HOST or start that broker");
        }
        if (MongoProbe.listening(host, port, PROBE_TIMEOUT)) {
            throw new LaunchFailure("port " + port + " is taken by something that does not speak AMQP 0-9-1;"
                    + " free it or set RABBITMQ_PORT");
        }
        qpid = EmbeddedQpid.start(settings.dataDirectory().resolve("qpid"), "127.0.0.1", port,
                secrets.brokerUsername(), secrets.brokerPassword());
        out.println("  Broker       no RabbitMQ on " + host + ":" + port + ": started embedded Apache Qpid Broker-J"
                + " there (AMQP 0-9-1, classic queues, messages in memory: STOCKROOM_BROKER=qpid)");
        return new Broker("qpid", secrets.brokerUsername(), secrets.brokerPassword(), "/");
    }

    private Map<ChildService, Optional<String>> awaitHealth() throws InterruptedException, ExecutionException {
        List<ChildService> started;
        synchronized (children) {
            started = List.copyOf(children);
        }
        Map<ChildService, Optional<String>> outcomes = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
             ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ChildService, Future<Optional<String>>> futures = new LinkedHashMap<>();
            for (ChildService child : started) {
                futures.put(child, waiters.submit(() -> {
                    Optional<String> outcome = child.awaitHealthy(http, settings.startupTimeout());
                    out.println("  " + (outcome.isEmpty() ? "UP         " : "FAILED     ") + "  "
                            + child.spec().module() + outcome.map(why -> ": " + why).orElse(""));
                    return outcome;
                }));
            }
            for (Map.Entry<ChildService, Future<Optional<String>>> entry : futures.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get());
            }
        }
        return outcomes;
    }

    private void printSummary(Map<ChildService, Optional<String>> outcomes, List<String> notStarted, Broker broker,
                              String mongoUri, DevSecrets secrets, double seconds) {
        out.println();
        out.println(RULE);
        out.println(" Stockroom local run");
        out.println(RULE);
        for (Map.Entry<ChildService, Optional<String>> entry : outcomes.entrySet()) {
            ServiceSpec spec = entry.getKey().spec();
            out.printf("  %-7s %-27s %-24s %s%n", entry.getValue().isEmpty() ? "UP" : "FAILED", spec.module(),
                    spec.baseUrl(), spec.role());
        }
        for (String line : notStarted) {
            out.println("  MISSING " + line);
        }
        out.println();
        outcomes.keySet().stream().filter(c -> c.spec().module().equals("producer-service")).findFirst()
                .ifPresent(c -> out.println("  Web UI and API:  " + c.spec().baseUrl() + "/"));
        outcomes.keySet().stream().filter(c -> c.spec().module().equals("health-check-service")).findFirst()
                .ifPresent(c -> out.println("  Health page:     " + c.spec().baseUrl() + "/"));
        out.println("  Broker:          " + broker.kind() + " at " + settings.rabbitHost() + ":" + settings.rabbitPort()
                + (broker.kind().equals("rabbitmq") && settings.rabbitIsLocal()
                ? " (management UI http://127.0.0.1:15672/)" : ""));
        out.println("  MongoDB:         " + mongoUri);
        out.println("  Logs:            " + settings.dataDirectory().resolve("logs"));
        out.println();
        out.println("  DEV ONLY - generated for this machine, never use them elsewhere ("
                + settings.dataDirectory().resolve("dev-secrets.properties") + "):");
        out.println("    admin login:   " + secrets.adminUsername() + " / " + secrets.adminPassword());
        out.println("    health page:   " + secrets.healthUsername() + " / " + secrets.healthPassword());
        out.println("    actuators:     " + secrets.actuatorUsername() + " / " + secrets.actuatorPassword()
                + "  (health details, /actuator/prometheus)");
        if (broker.kind().equals("qpid")) {
            out.println("    broker login:  " + broker.username() + " / " + broker.password());
        }
        out.println("    signing key:   " + DevSecrets.SIGNING_KEY_ID + " (STOCKROOM_SIGNING_KEYS in the file)");
        out.println();
        double cpuSeconds = outcomes.keySet().stream().map(ChildService::cpuTime).flatMap(Optional::stream)
                .mapToDouble(d -> d.toMillis() / 1000.0).sum();
        out.printf("  Started in %.1f s (launcher JVM start to every started service UP); the services used %.0f s"
                + " of CPU on %d cores, load average now %.1f%n", seconds, cpuSeconds,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println(RULE);
    }

    /** Tells the user when a service dies after it came up (the launcher keeps the others running). */
    private void watchChildren() {
        List<ChildService> started;
        synchronized (children) {
            started = List.copyOf(children);
        }
        for (ChildService child : started) {
            Thread.ofVirtual().name("watch-" + child.spec().module()).start(() -> {
                try {
                    ProcessHandle.of(child.pid()).ifPresent(handle -> handle.onExit().join());
                } catch (RuntimeException e) {
                    return;
                }
                if (!stopping) {
                    out.println("stockroom: " + child.spec().module() + " stopped unexpectedly; see " + child.log());
                }
            });
        }
    }

    /** Stops the services (in parallel), then the broker and the store. Safe to call twice. */
    void stop() {
        List<ChildService> running;
        synchronized (children) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = List.copyOf(children);
        }
        try {
            Duration grace = writingArchives ? STOP_GRACE_WRITING_ARCHIVES : STOP_GRACE;
            if (!running.isEmpty()) {
                out.println("stockroom: stopping " + running.size() + " service(s)..." + (writingArchives
                        ? " (first stop after a build: each service writes its start-up archive, up to "
                        + grace.toSeconds() + " s)" : ""));
            }
            try (ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (ChildService child : running) {
                    stoppers.submit(() -> {
                        child.stop(grace);
                        return null;
                    });
                }
            }
            if (qpid != null) {
                // Qpid registers its own shutdown hook, which may already be closing it: that is fine.
                closeQuietly(qpid::close);
            }
            if (mongo != null) {
                closeQuietly(mongo::close);
            }
            out.println("stockroom: stopped.");
        } finally {
            stopped.countDown();
        }
    }

    private void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            out.println("stockroom: while stopping: " + e.getMessage());
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean portTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private record Broker(String kind, String username, String password, String virtualHost) {
    }

    static final class LaunchFailure extends Exception {
        LaunchFailure(String message) {
            super(message);
        }
    }
}
