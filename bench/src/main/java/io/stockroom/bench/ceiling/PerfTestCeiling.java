package io.stockroom.bench.ceiling;

import io.stockroom.bench.stack.RabbitManagement;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker's own ceiling on this machine: RabbitMQ PerfTest with the settings of the services' command path
 * (quorum queue, persistent messages, publisher confirms, one producer and one consumer, multiple acks), on a vhost of
 * its own that is deleted afterwards.
 */
public final class PerfTestCeiling {

    /** The flags, also printed in the report so the figure can be reproduced by hand. */
    public static final List<String> FLAGS = List.of("--quorum-queue", "--queue", "bench-perftest",
            "--confirm", "200", "--multi-ack-every", "50", "--qos", "200", "--size", "400",
            "--producers", "1", "--consumers", "1");

    /** The figure, or why there is none. */
    public record Outcome(PerfTestResult result, String skippedBecause) {
    }

    private final Path java;
    private final Path classpathFile;
    private final RabbitManagement rabbit;
    private final String amqpHost;
    private final int amqpPort;

    public PerfTestCeiling(Path java, Path classpathFile, RabbitManagement rabbit, String amqpHost, int amqpPort) {
        this.java = java;
        this.classpathFile = classpathFile;
        this.rabbit = rabbit;
        this.amqpHost = amqpHost;
        this.amqpPort = amqpPort;
    }

    public Outcome run(String vhost, Duration duration, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(classpathFile)) {
            return new Outcome(null, "no PerfTest class path at " + classpathFile + " (bench/run.sh resolves it)");
        }
        String classpath = Files.readString(classpathFile).strip();
        rabbit.createVhost(vhost);
        try {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath,
                    "com.rabbitmq.perf.PerfTest", "--uri", "amqp://" + enc(rabbit.username()) + ":"
                            + enc(rabbit.password()) + "@" + amqpHost + ":" + amqpPort + "/" + enc(vhost),
                    "--time", Long.toString(duration.toSeconds())));
            command.addAll(FLAGS);
            ProcessRun.Outcome outcome = ProcessRun.run(command, log, duration.plusSeconds(60));
            return PerfTestResult.parse(outcome.output()).map(result -> new Outcome(result, null))
                    .orElseGet(() -> new Outcome(null, "PerfTest exited " + outcome.exitCode()
                            + " without a summary; see " + log));
        } finally {
            rabbit.deleteVhost(vhost);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
