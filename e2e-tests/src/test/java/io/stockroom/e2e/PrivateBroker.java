package io.stockroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of the test's own, started from the machine's RabbitMQ installation with its own node name, ports,
 * data and logs in a temporary directory, and its own Erlang cookie (HOME is that directory). The fault suite stops
 * and starts this node's application; the machine's shared broker is never touched. No plugins: the health service
 * reads queue figures over AMQP.
 */
final class PrivateBroker implements AutoCloseable {

    private static final List<Path> SCRIPT_DIRS = List.of(Path.of("/usr/lib/rabbitmq/bin"), Path.of("/usr/sbin"),
            Path.of("/usr/local/sbin"), Path.of("/opt/rabbitmq/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/bin"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path scripts;
    private final Path directory;
    private final String node;
    private final int amqpPort;
    private final int distributionPort;
    private Process server;

    private PrivateBroker(Path scripts, Path directory, String node, int amqpPort, int distributionPort) {
        this.scripts = scripts;
        this.directory = directory;
        this.node = node;
        this.amqpPort = amqpPort;
        this.distributionPort = distributionPort;
    }

    /**
     * Where {@code rabbitmq-server} and {@code rabbitmqctl} are, if installed. Debian's {@code /usr/sbin} wrapper
     * switches to the rabbitmq user (dropping the environment), so the real scripts in {@code /usr/lib} come first.
     */
    static Optional<Path> installation() {
        return SCRIPT_DIRS.stream().filter(dir -> Files.isExecutable(dir.resolve("rabbitmq-server"))
                && Files.isExecutable(dir.resolve("rabbitmqctl"))).findFirst();
    }

    static PrivateBroker start(Path scripts, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
            Files.writeString(directory.resolve("rabbitmq-env.conf"), "");
            Files.writeString(directory.resolve("rabbitmq.conf"), "loopback_users.guest = true\n"
                    + "disk_free_limit.absolute = 50MB\nlog.console = false\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String node = "stockroom-faults-" + ProcessHandle.current().pid() + "@localhost";
        PrivateBroker broker = new PrivateBroker(scripts, directory, node, freePort(), freePort());
        broker.launch();
        return broker;
    }

    int amqpPort() {
        return amqpPort;
    }

    /** Stops the RabbitMQ application (connections drop, the port closes); the Erlang node keeps running. */
    void stopApp() {
        ctl("stop_app");
        awaitPort(false, Duration.ofSeconds(30));
    }

    /** Starts the application again; returns once the node has finished booting and AMQP accepts connections. */
    void startApp() {
        ctl("start_app");
        ctl("await_startup");
        awaitPort(true, Duration.ofSeconds(30));
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(scripts.resolve("rabbitmq-server").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("server.out").toFile());
        builder.environment().putAll(environment());
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!portOpen()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the private RabbitMQ node " + node + " did not start; see "
                        + directory.resolve("server.out") + " and " + directory.resolve("log"));
            }
            sleep(250);
        }
        ctl("await_startup");
    }

    private Map<String, String> environment() {
        return Map.ofEntries(Map.entry("HOME", directory.toString()), Map.entry("RABBITMQ_NODENAME", node),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(amqpPort)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distributionPort)),
                Map.entry("RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", directory.resolve("log").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", directory.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", directory.resolve("rabbitmq-env.conf").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", directory.resolve("rabbitmq").toString()),
                Map.entry("RABBITMQ_PID_FILE", directory.resolve("pid").toString()),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"));
    }

    private void ctl(String... command) {
        List<String> line = new ArrayList<>(List.of(scripts.resolve("rabbitmqctl").toString(), "-n", node, "-q"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("ctl.out").toFile()));
        builder.environment().putAll(environment());
        try {
            Process ctl = builder.start();
            if (!ctl.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ctl.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", command) + " did not finish");
            }
            if (ctl.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", command) + " failed ("
                        + ctl.exitValue() + "); see " + directory.resolve("ctl.out"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitPort(boolean open, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portOpen() != open) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("AMQP port " + amqpPort + " did not become " + (open ? "open" : "closed"));
            }
            sleep(100);
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", amqpPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the node (rabbitmqctl stop), killing the process if it does not end; the directory stays for reading. */
    @Override
    public void close() {
        if (server == null || !server.isAlive()) {
            return;
        }
        try {
            ctl("stop");
        } catch (RuntimeException e) {
            // Fall through to the kill below.
        }
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
