package io.stockroom.bench.ceiling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external tool to completion with a deadline, its output (stdout and stderr) captured to a file. */
final class ProcessRun {

    /** What the tool did: exit code (-1 when it had to be killed) and its output. */
    record Outcome(int exitCode, String output) {
    }

    private ProcessRun() {
    }

    static Outcome run(List<String> command, Path log, Duration deadline) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                process.waitFor();
                return new Outcome(-1, Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
