package io.stockroom.bench;

import io.stockroom.bench.api.ApiFailure;
import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.api.OrderStream;
import io.stockroom.bench.api.StockroomApi;
import io.stockroom.bench.ceiling.PerfTestCeiling;
import io.stockroom.bench.ceiling.WrkCeiling;
import io.stockroom.bench.load.OrderRegistry;
import io.stockroom.bench.metrics.LoadAverage;
import io.stockroom.bench.metrics.QueueSampler;
import io.stockroom.bench.metrics.Scraper;
import io.stockroom.bench.report.Report;
import io.stockroom.bench.report.RunReport;
import io.stockroom.bench.report.WorkloadReport;
import io.stockroom.bench.setup.Catalogue;
import io.stockroom.bench.setup.Fixture;
import io.stockroom.bench.stack.LocalStack;
import io.stockroom.bench.stack.RabbitManagement;
import io.stockroom.bench.stack.Stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's entry point ({@code bench/run.sh}): start or find the stack, set up data, open every shopper's
 * live stream, measure the broker ceiling, the order workloads and the read ceiling, stop the stack, print and write the
 * table. Exit code 0 when every accepted order settled exactly once and every check held, 1 otherwise, 2 when the run
 * could not be made.
 */
public final class Benchmark {

    private static final Duration STREAM_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final BenchSettings settings;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();

    Benchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchSettings.HELP);
            return;
        }
        int code;
        try {
            Path root = Path.of(System.getenv().getOrDefault("BENCH_HOME", System.getProperty("user.dir")))
                    .toAbsolutePath().normalize();
            code = new Benchmark(BenchSettings.from(System.getenv(), root), System.out).run();
        } catch (IllegalArgumentException | ApiFailure e) {
            System.err.println("bench: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace(System.err);
            code = 2;
        }
        System.exit(code);
    }

    int run() throws Exception {
        Instant date = Instant.now();
        long started = System.nanoTime();
        String loadBefore = LoadAverage.now();
        String runId = Long.toString(date.getEpochSecond(), 36).toUpperCase(Locale.ROOT);
        out.println("bench: run " + runId + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + loadBefore);
        HttpClient http = StockroomApi.newHttpClient();
        RabbitManagement rabbit = new RabbitManagement(http, settings.rabbitManagement(),
                settings.rabbitCredentials().username(), settings.rabbitCredentials().password());
        Stack stack = startOrFind(runId, rabbit, http);
        Thread stopOnInterrupt = Thread.ofPlatform().unstarted(() -> {
            try {
                stack.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        Phases.Outcome outcome;
        try {
            outcome = measure(stack, http, rabbit, runId);
        } finally {
            out.println("bench: stopping the stack");
            stack.close();
        }
        RunReport report = new RunReport(date, GitSha.of(settings.root()), Runtime.getRuntime().availableProcessors(),
                loadBefore, LoadAverage.now(), stack.describe(), settings.describe(),
                (System.nanoTime() - started) / 1e9, outcome.perfTest(), outcome.reads(), outcome.readsSkipped(),
                outcome.workloads(), outcome.unmatchedStreamEvents(), notes);
        write(report, date);
        return report.correct() ? 0 : 1;
    }

    private Stack startOrFind(String runId, RabbitManagement rabbit, HttpClient http)
            throws IOException, InterruptedException {
        if (settings.target().isPresent()) {
            out.println("bench: measuring the running stack at " + settings.target().get());
            return Stack.running(settings.target().get(), settings.admin().orElseThrow(), settings.actuatorUrls(),
                    settings.rabbitVhost());
        }
        Path data = runDirectory(runId).resolve("stack");
        notes.add("the started stack's logs and store: " + settings.root().relativize(data));
        return LocalStack.start(new LocalStack.Options(settings.root(), data, settings.localServiceUrls(),
                settings.portOffset(), settings.localMongoPort(), settings.serviceJvmOptions(),
                settings.rabbitHost(), settings.rabbitPort(), "stockroom-bench-" + runId.toLowerCase(Locale.ROOT)),
                rabbit, http, out);
    }

    private Phases.Outcome measure(Stack stack, HttpClient http, RabbitManagement rabbit, String runId)
            throws Exception {
        StockroomApi api = new StockroomApi(stack.producer(), http);
        Scraper scraper = new Scraper(http, stack.services().entrySet().stream()
                .map(e -> new Scraper.Target(e.getKey(), e.getValue())).toList(),
                settings.actuatorCredentials().or(stack::actuator).orElse(null));
        scraper.scrapeAll(); // fails here, before any load, if a service refuses its metrics
        out.println("bench: setting up locations, " + settings.skus() + " SKUs and " + settings.shoppers()
                + " shoppers through the API");
        Fixture fixture = new Fixture(api, stack.admin(), runId);
        Catalogue catalogue = fixture.create(settings.skus(), settings.spreadStock());
        List<Credentials> shoppers = fixture.registerShoppers(settings.shoppers());
        OrderRegistry registry = new OrderRegistry();
        List<OrderStream> streams = new ArrayList<>();
        try {
            for (Credentials shopper : shoppers) {
                streams.add(new OrderStream(api, shopper, registry).start());
            }
            for (OrderStream stream : streams) {
                if (!stream.awaitConnected(STREAM_CONNECT_TIMEOUT)) {
                    throw new ApiFailure("a shopper's live stream did not open within "
                            + STREAM_CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
            Path tools = runDirectory(runId).resolve("tools");
            notes.add("PerfTest and wrk output: " + settings.root().relativize(tools));
            Phases phases = new Phases(settings, api, scraper, fixture, catalogue, shoppers, registry, out, tools,
                    () -> new QueueSampler(rabbit, stack.vhost()), processes(stack));
            PerfTestCeiling.Outcome perf = phases.perfTest(rabbit, "stockroom-bench-perftest-"
                    + runId.toLowerCase(Locale.ROOT));
            List<WorkloadReport> workloads = phases.workloads();
            // Reads last: the order workloads have warmed the producer's request path by then (a 5 s warm-up alone
            // left the JIT unfinished on a busy machine), and every order has settled or been reported.
            Phases.Reads reads = phases.reads(stack.producer());
            int reconnects = streams.stream().mapToInt(OrderStream::reconnects).sum();
            int malformed = streams.stream().mapToInt(OrderStream::malformedEvents).sum();
            notes.add("live streams: " + streams.size() + " open, " + reconnects + " reconnects, " + malformed
                    + " malformed events");
            return new Phases.Outcome(perf, reads.outcomes(), reads.skippedBecause(), workloads,
                    registry.unmatched().size());
        } finally {
            streams.forEach(OrderStream::close);
        }
    }

    /**
     * The services' processes, the generator's own and, when it runs on this machine, the RabbitMQ node's
     * ({@code beam.smp}; only one node runs here), for the CPU figures.
     */
    private static Map<String, Long> processes(Stack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("generator", ProcessHandle.current().pid());
        pids.putAll(stack.processes());
        ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/beam.smp")).orElse(false))
                .findFirst().ifPresent(rabbit -> pids.put("rabbitmq (beam.smp)", rabbit.pid()));
        return pids;
    }

    private Path runDirectory(String runId) {
        return settings.root().resolve("bench/target/runs").resolve(runId);
    }

    private void write(RunReport report, Instant date) throws IOException {
        String markdown = Report.markdown(report);
        out.println();
        out.println(markdown);
        Files.createDirectories(settings.results());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(date);
        Path md = settings.results().resolve("bench-" + stamp + ".md");
        Files.writeString(md, markdown);
        Files.writeString(settings.results().resolve("bench-" + stamp + ".csv"), Report.csv(report));
        Files.writeString(settings.results().resolve("latest.md"), markdown);
        out.println("bench: written " + settings.root().relativize(md) + " (and .csv)");
    }

    /** The commit measured, with "-dirty" when the work tree has changes; "unknown" outside git. */
    static final class GitSha {
        private GitSha() {
        }

        static String of(Path root) {
            try {
                String sha = git(root, "rev-parse", "--short", "HEAD").strip();
                String status = git(root, "status", "--porcelain", "--untracked-files=no").strip();
                return sha.isEmpty() ? "unknown" : sha + (status.isEmpty() ? "" : "-dirty");
            } catch (IOException e) {
                return "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        private static String git(Path root, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            return process.waitFor() == 0 ? output : "";
        }
    }
}
