package io.stockroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MongoDB-wire store (local-launcher's {@code StoreServer}, H2 file) as a process of its own, so it can
 * be restarted with its data while the services run. Restarts are clean (SIGTERM commits the file): the embedded
 * store is not crash-durable the way MongoDB's journal is (docs/RELIABILITY.md).
 */
final class StoreProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final int port;
    private final Path log;
    private Process process;

    StoreProcess(Path file, int port) {
        this.file = file;
        this.port = port;
        this.log = Path.of("target", "e2e-logs", "faults-store.log");
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    StoreProcess start() {
        Path jar = Path.of("..", "local-launcher", "target", "local-launcher-exec.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No launcher jar at " + jar + ": build the reactor (./mvnw verify)");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dloader.main=io.stockroom.launcher.store.StoreServer", "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", file.toString(), Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the store did not start; see " + log);
            }
            sleep(100);
        }
        return this;
    }

    /** Stops the store cleanly and starts it again on the same port and file. */
    void restart() {
        close();
        start();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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
