package io.stockroom.bench;

import io.stockroom.bench.api.ApiFailure;
import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.api.StockroomApi;
import io.stockroom.bench.ceiling.PerfTestCeiling;
import io.stockroom.bench.ceiling.WrkCeiling;
import io.stockroom.bench.load.ClosedLoop;
import io.stockroom.bench.load.ErrorCounts;
import io.stockroom.bench.load.LoadWindow;
import io.stockroom.bench.load.OpenLoop;
import io.stockroom.bench.load.OrderMix;
import io.stockroom.bench.load.OrderPlacer;
import io.stockroom.bench.load.OrderRegistry;
import io.stockroom.bench.load.WorkloadFigures;
import io.stockroom.bench.metrics.CpuTimes;
import io.stockroom.bench.metrics.HopRow;
import io.stockroom.bench.metrics.HopTable;
import io.stockroom.bench.metrics.LoadAverage;
import io.stockroom.bench.metrics.PrometheusText.Series;
import io.stockroom.bench.metrics.Scraper;
import io.stockroom.bench.reconcile.Reconciler;
import io.stockroom.bench.reconcile.Reconciliation;
import io.stockroom.bench.report.WorkloadReport;
import io.stockroom.bench.setup.Catalogue;
import io.stockroom.bench.setup.Fixture;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The measuring phases of one run, in order: broker ceiling, read ceiling, then the order workloads. */
final class Phases {

    /** What the phases measured. */
    record Outcome(PerfTestCeiling.Outcome perfTest, List<WrkCeiling.Outcome> reads, String readsSkipped,
                   List<WorkloadReport> workloads, long unmatchedStreamEvents) {
    }

    /** The read ceiling: one outcome per endpoint, or why it was skipped. */
    record Reads(List<WrkCeiling.Outcome> outcomes, String skippedBecause) {
    }

    /** Shares of the offered units the hot stock covers when sized automatically: it runs out near the end. */
    private static final double HOT_STOCK_SHARE = 0.9;
    private static final int HOT_STOCK_MIN = 50;
    private static final Duration RECONCILE_PATIENCE = Duration.ofSeconds(15);
    private static final Duration READ_SIDE_PATIENCE = Duration.ofSeconds(15);

    private final BenchSettings settings;
    private final StockroomApi api;
    private final Scraper scraper;
    private final Fixture fixture;
    private final Catalogue catalogue;
    private final List<Credentials> shoppers;
    private final OrderRegistry registry;
    private final PrintStream out;
    private final Path logs;

    Phases(BenchSettings settings, StockroomApi api, Scraper scraper, Fixture fixture, Catalogue catalogue,
           List<Credentials> shoppers, OrderRegistry registry, PrintStream out, Path logs) {
        this.settings = settings;
        this.api = api;
        this.scraper = scraper;
        this.fixture = fixture;
        this.catalogue = catalogue;
        this.shoppers = shoppers;
        this.registry = registry;
        this.out = out;
        this.logs = logs;
    }

    PerfTestCeiling.Outcome perfTest(io.stockroom.bench.stack.RabbitManagement rabbit, String vhost)
            throws IOException, InterruptedException {
        if (settings.perfTest().isZero()) {
            return new PerfTestCeiling.Outcome(null, "BENCH_PERFTEST_SECONDS=0");
        }
        out.println("bench: RabbitMQ PerfTest for " + settings.perfTest().toSeconds() + " s (vhost " + vhost + ")");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new PerfTestCeiling(java, settings.perfTestClasspath(), rabbit, settings.rabbitHost(),
                settings.rabbitPort()).run(vhost, settings.perfTest(), logs.resolve("perftest.log"));
    }

    Reads reads(URI producer) throws IOException, InterruptedException {
        if (settings.reads().isZero()) {
            return new Reads(List.of(), "BENCH_READ_SECONDS=0");
        }
        Optional<WrkCeiling> wrk = WrkCeiling.find(settings.readConnections(), settings.readWarmup(),
                settings.reads());
        if (wrk.isEmpty()) {
            out.println("bench: wrk not found; the read ceiling is skipped (install it: apt-get install wrk)");
            return new Reads(List.of(), "wrk is not installed (apt-get install wrk)");
        }
        String authorization = shoppers.getFirst().basicAuthorization();
        List<WrkCeiling.Outcome> outcomes = new ArrayList<>();
        Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("item page", "/api/items/" + catalogue.spreadSkus().getFirst());
        endpoints.put("catalogue page", "/api/items?sort=price&size=20");
        endpoints.put("static file", "/css/app.css");
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            out.println("bench: wrk " + endpoint.getKey() + " GET " + endpoint.getValue() + " ("
                    + settings.readConnections() + " connections, " + settings.reads().toSeconds() + " s after "
                    + settings.readWarmup().toSeconds() + " s warm-up)");
            outcomes.add(wrk.get().measure(endpoint.getKey(), producer, endpoint.getValue(), authorization,
                    logs.resolve("wrk-" + endpoint.getKey().replace(' ', '-') + ".log")));
        }
        return new Reads(outcomes, null);
    }

    List<WorkloadReport> workloads() throws Exception {
        List<WorkloadReport> reports = new ArrayList<>();
        ErrorCounts spreadErrors = new ErrorCounts();
        WorkloadReport spread = null;
        if (!settings.spread().isZero()) {
            ClosedLoop loop = new ClosedLoop(new OrderPlacer(api, shoppers, spreadErrors), registry,
                    settings.inflight());
            spread = workload("spread", closedMode(), false, spreadErrors, List.of(),
                    () -> loop.run("spread", OrderMix.spread(catalogue.spreadSkus()), settings.warmup(),
                            settings.spread()));
            reports.add(spread);
        }
        if (!settings.hot().isZero()) {
            reports.add(hot(spread));
        }
        if (!settings.rateDuration().isZero()) {
            ErrorCounts errors = new ErrorCounts();
            OpenLoop loop = new OpenLoop(new OrderPlacer(api, shoppers, errors), registry, settings.senders(),
                    settings.backlogMax());
            String mode = String.format(Locale.ROOT, "open: %.0f orders/s for %d s, %d connections",
                    settings.rate(), settings.rateDuration().toSeconds(), settings.senders());
            reports.add(workload("spread at " + Math.round(settings.rate()) + "/s", mode, true, errors, List.of(),
                    () -> loop.run("spread at " + Math.round(settings.rate()) + "/s",
                            OrderMix.spread(catalogue.spreadSkus()), settings.rate(), settings.rateDuration())));
        }
        return reports;
    }

    private String closedMode() {
        return "closed: " + settings.shoppers() + " shoppers x " + settings.inflight() + " in flight";
    }

    /** One SKU at one location, its stock known, so the confirmed count can be checked exactly. */
    private WorkloadReport hot(WorkloadReport spread) throws Exception {
        int stock = settings.hotStock().orElseGet(() -> {
            double perSecond = spread == null ? 0 : spread.figures().settledPerSecond();
            double expected = perSecond * (settings.warmup().toSeconds() + settings.hot().toSeconds());
            return (int) Math.clamp(Math.round(expected * HOT_STOCK_SHARE), HOT_STOCK_MIN, 1_000_000);
        });
        out.println("bench: receiving " + stock + " units of " + catalogue.hotSku() + " at " + catalogue.hotLocation());
        fixture.receive(catalogue.hotSku(), catalogue.hotLocation(), stock);
        ErrorCounts errors = new ErrorCounts();
        ClosedLoop loop = new ClosedLoop(new OrderPlacer(api, shoppers, errors), registry, settings.inflight());
        List<WorkloadReport.Check> checks = new ArrayList<>();
        WorkloadReport report = workload("hot", closedMode() + ", 1 SKU with " + stock + " units at 1 location",
                false, errors, checks, () -> loop.run("hot", OrderMix.hot(catalogue.hotSku()), settings.warmup(),
                        settings.hot()));
        long ordered = report.figures().orderedUnits();
        long confirmed = report.reconciliation().confirmedUnits();
        checks.add(new WorkloadReport.Check("hot SKU: stock " + stock + ", ordered " + ordered + " units, confirmed "
                + confirmed + " = min(stock, ordered) " + Math.min(stock, ordered) + " (never oversold, never"
                + " refused while stock was left)", confirmed == Math.min(stock, ordered)));
        checks.add(readSideCheck(stock, confirmed));
        return report;
    }

    /** The producer's read side shows the hot stock less what was confirmed (it lags by events, so it is polled). */
    private WorkloadReport.Check readSideCheck(int stock, long confirmed) throws InterruptedException {
        long deadline = System.nanoTime() + READ_SIDE_PATIENCE.toNanos();
        long available = -1;
        while (true) {
            JsonNode item = api.getJson("/api/items/" + catalogue.hotSku(), shoppers.getFirst());
            for (JsonNode level : item.path("stock")) {
                if (catalogue.hotLocation().equals(level.path("location").asString(""))) {
                    available = level.path("available").asLong(-1);
                }
            }
            if (available == stock - confirmed || System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(250);
        }
        return new WorkloadReport.Check("read side: " + catalogue.hotSku() + " available at "
                + catalogue.hotLocation() + " is " + available + ", expected stock - confirmed = "
                + (stock - confirmed), available == stock - confirmed);
    }

    private interface Load {
        LoadWindow run() throws Exception;
    }

    private WorkloadReport workload(String name, String mode, boolean openLoop, ErrorCounts errors,
                                    List<WorkloadReport.Check> checks, Load load) throws Exception {
        out.println("bench: workload " + name + " (" + mode + ")");
        Map<String, Map<Series, Double>> before = scrape();
        CpuTimes cpuBefore = CpuTimes.now();
        LoadWindow window = load.run();
        double idle = CpuTimes.idleBetween(cpuBefore, CpuTimes.now());
        String loadAfter = LoadAverage.now();
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + settings.drain().toNanos();
        while (registry.unsettled(name) > 0 && System.nanoTime() - drainDeadline < 0) {
            Thread.sleep(100);
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        Map<String, Map<Series, Double>> after = scrape();
        WorkloadFigures figures = WorkloadFigures.of(registry.of(name), window.windowStartNanos(),
                window.windowEndNanos());
        Reconciliation reconciliation = new Reconciler(api, shoppers).reconcile(registry.of(name),
                RECONCILE_PATIENCE);
        List<HopRow> hops = new ArrayList<>();
        String hopsFailure = null;
        if (before == null || after == null) {
            hopsFailure = "a metrics scrape failed (see the console)";
        } else {
            for (String service : after.keySet()) {
                hops.addAll(HopTable.between(service, before.getOrDefault(service, Map.of()), after.get(service)));
            }
        }
        out.printf(Locale.ROOT, "bench:   %s: %d accepted, %.1f accepted/s, %.1f settled/s, settle p99 %.1f ms,"
                        + " idle CPU %.0f %%, %d unsettled after %.1f s drain%n", name, figures.acceptedTotal(),
                figures.acceptedPerSecond(), figures.settledPerSecond(), figures.acceptedToSettled().p99Millis(),
                idle * 100, figures.unsettledTotal(), drained);
        return new WorkloadReport(name, mode, openLoop, window, figures, errors.snapshot(), idle, loadAfter,
                drained, reconciliation, checks, hops, hopsFailure);
    }

    /** Every service's metrics, or null (and a message) when a scrape failed mid-run. */
    private Map<String, Map<Series, Double>> scrape() throws InterruptedException {
        try {
            return scraper.scrapeAll();
        } catch (ApiFailure e) {
            out.println("bench: " + e.getMessage());
            return null;
        }
    }
}
