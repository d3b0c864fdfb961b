package io.stockroom.launcher.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as a child process, its output in its own log file. */
public final class ChildService {

    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 25;

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ChildService(ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar>} with {@code environment} added to the launcher's own. The previous
     * run's log is kept as {@code <service>.log.previous}.
     */
    public static ChildService start(ServiceSpec spec, Path java, Path jar, List<String> jvmOptions,
                                     Map<String, String> environment, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(spec.module() + ".log");
        if (Files.exists(log)) {
            Files.move(log, logDirectory.resolve(spec.module() + ".log.previous"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        return new ChildService(spec, builder.start(), log);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the service has used so far (all its threads), if the OS tells. */
    public java.util.Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Polls {@code /actuator/health} until it answers 200 (UP), the process exits, or {@code timeout} passes.
     *
     * @return empty when UP; otherwise why not
     */
    public java.util.Optional<String> awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                .timeout(HEALTH_REQUEST_TIMEOUT).GET().build();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return java.util.Optional.of("exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return java.util.Optional.empty();
                }
                lastAnswer = "health answered " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                lastAnswer = "health not reachable (" + e.getClass().getSimpleName() + ")";
            }
            Thread.sleep(HEALTH_POLL_INTERVAL);
        }
        return java.util.Optional.of("not UP after " + timeout.toSeconds() + " s; last: " + lastAnswer);
    }

    /** Asks the process to stop (SIGTERM); after {@code grace}, kills it. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log, for an error message. */
    public List<String> logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
