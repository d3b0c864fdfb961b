package io.stockroom.bench.ceiling;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Read throughput with wrk (Debian package {@code wrk}) from the same machine: each URL is warmed up first (so the JIT
 * has compiled the path), then measured with a fixed number of connections on two threads.
 */
public final class WrkCeiling {

    /** One measured endpoint: its result, or why there is none. */
    public record Outcome(String name, String path, WrkResult result, String skippedBecause) {
    }

    private final Path wrk;
    private final int connections;
    private final Duration warmup;
    private final Duration duration;

    private WrkCeiling(Path wrk, int connections, Duration warmup, Duration duration) {
        this.wrk = wrk;
        this.connections = connections;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** Empty when no {@code wrk} is on the PATH. */
    public static Optional<WrkCeiling> find(int connections, Duration warmup, Duration duration) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new WrkCeiling(candidate, connections, warmup, duration));
            }
        }
        return Optional.empty();
    }

    public int connections() {
        return connections;
    }

    public Outcome measure(String name, URI base, String path, String authorization, Path log)
            throws IOException, InterruptedException {
        String url = base.resolve(path).toString();
        if (!warmup.isZero()) {
            ProcessRun.run(command(url, authorization, warmup), log, warmup.plusSeconds(30));
        }
        ProcessRun.Outcome outcome = ProcessRun.run(command(url, authorization, duration), log,
                duration.plusSeconds(30));
        return WrkResult.parse(outcome.output()).map(result -> new Outcome(name, path, result, null))
                .orElseGet(() -> new Outcome(name, path, null, "wrk exited " + outcome.exitCode()
                        + " without a rate; see " + log));
    }

    private List<String> command(String url, String authorization, Duration seconds) {
        return List.of(wrk.toString(), "-t2", "-c" + connections, "-d" + seconds.toSeconds() + "s", "--latency",
                "-H", "Authorization: " + authorization, url);
    }
}
