package io.stockroom.bench.report;

import io.stockroom.bench.ceiling.PerfTestCeiling;
import io.stockroom.bench.ceiling.WrkCeiling;
import io.stockroom.bench.load.Latency;
import io.stockroom.bench.load.WorkloadFigures;
import io.stockroom.bench.metrics.HopRow;
import io.stockroom.bench.metrics.QueueDepths;
import io.stockroom.bench.reconcile.Reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a {@link RunReport} as Markdown (console and file) and as CSV (one figure per line). */
public final class Report {

    private Report() {
    }

    public static String markdown(RunReport run) {
        StringBuilder out = new StringBuilder();
        out.append("# Stockroom benchmark, ").append(run.date()).append("\n\n");
        out.append("- git ").append(run.gitSha()).append(", ").append(run.cores()).append(" cores, load average ")
                .append(run.loadBefore()).append(" before and ").append(run.loadAfter()).append(" after; ")
                .append(format("%.0f", run.totalSeconds())).append(" s in all\n");
        out.append("- stack: ").append(run.stack()).append('\n');
        out.append("- knobs: ").append(run.settings()).append('\n');
        out.append("- verdict: ").append(run.correct() ? "every accepted order settled exactly once; checks passed"
                : "CORRECTNESS PROBLEMS, see below").append("\n\n");

        out.append("## Orders\n\n").append(orders(run.workloads()).render()).append('\n');
        out.append(latencyNotes(run.workloads()));
        out.append("## Checks\n\n");
        for (WorkloadReport workload : run.workloads()) {
            out.append("- ").append(workload.name()).append(": ").append(reconciled(workload.reconciliation()))
                    .append('\n');
            for (WorkloadReport.Check check : workload.checks()) {
                out.append("  - ").append(check.passed() ? "PASS " : "FAIL ").append(check.description())
                        .append('\n');
            }
        }
        out.append("- terminal events for orders the generator never saw accepted: ")
                .append(run.unmatchedStreamEvents()).append("\n\n");

        out.append("## Ceilings\n\n").append(ceilings(run).render()).append('\n');
        for (WorkloadReport workload : run.workloads()) {
            out.append("## Per hop: ").append(workload.name()).append("\n\n");
            if (workload.hopsFailure() != null) {
                out.append("No per-hop figures: ").append(workload.hopsFailure()).append("\n\n");
                continue;
            }
            out.append(hops(workload.hops()).render()).append('\n');
            out.append(queues(workload)).append('\n');
        }
        if (!run.notes().isEmpty()) {
            out.append("## Notes\n\n");
            run.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static MarkdownTable orders(List<WorkloadReport> workloads) {
        MarkdownTable table = new MarkdownTable("workload", "driven as", "accepted", "accepted/s", "settled/s",
                "accepted→settled p50 / p99 ms", "POST p50 / p99 ms", "CPU idle", "load after", "HTTP errors",
                "drain s");
        for (WorkloadReport w : workloads) {
            WorkloadFigures f = w.figures();
            table.row(w.name(), w.mode() + (w.window().abortedReason() == null ? "" : " (stopped early)"),
                    Long.toString(f.acceptedTotal()), format("%.1f", f.acceptedPerSecond()),
                    format("%.1f", f.settledPerSecond()), pair(f.acceptedToSettled()), pair(f.sentToAccepted()),
                    Double.isNaN(w.idleCpu()) ? "n/a" : format("%.0f %%", w.idleCpu() * 100), w.loadAfter(),
                    errors(w.errors()), format("%.1f", w.drainSeconds()));
        }
        return table;
    }

    private static String latencyNotes(List<WorkloadReport> workloads) {
        StringBuilder out = new StringBuilder();
        for (WorkloadReport w : workloads) {
            if (w.openLoop()) {
                out.append("- ").append(w.name()).append(" (from each order's intended send time, so queueing in the")
                        .append(" generator counts): to accepted ").append(pair(w.figures().intendedToAccepted()))
                        .append(" ms, to settled ").append(pair(w.figures().intendedToSettled())).append(" ms");
                if (w.window().abortedReason() != null) {
                    out.append("; ").append(w.window().abortedReason());
                }
                out.append('\n');
            }
        }
        for (WorkloadReport w : workloads) {
            if (!w.processCpu().isEmpty()) {
                double seconds = (w.window().windowEndNanos() - w.window().startNanos()) / 1e9;
                out.append("- ").append(w.name()).append(": CPU seconds used during the ")
                        .append(format("%.0f", seconds)).append(" s of load (all cores): ")
                        .append(w.processCpu().entrySet().stream().map(e -> e.getKey() + " " + format("%.1f",
                                e.getValue())).collect(Collectors.joining(", ")));
                double orders = w.figures().settledPerSecond() * seconds;
                if (orders > 0) {
                    double total = w.processCpu().values().stream().mapToDouble(Double::doubleValue).sum();
                    out.append("; per order settled at that rate: ").append(w.processCpu().entrySet().stream()
                            .map(e -> e.getKey() + " " + format("%.2f", e.getValue() * 1_000 / orders) + " ms")
                            .collect(Collectors.joining(", "))).append(", all ")
                            .append(format("%.2f", total * 1_000 / orders)).append(" ms");
                }
                out.append('\n');
            }
        }
        out.append("- rates count the measured window only (closed loop: after the warm-up); latencies are of")
                .append(" orders accepted in it, settled as the shopper's live stream showed them.\n\n");
        return out.toString();
    }

    private static String reconciled(Reconciliation r) {
        return r.checked() + " accepted orders checked: " + r.confirmed() + " confirmed (" + r.confirmedUnits()
                + " units), " + r.rejected() + " rejected; not settled " + r.notSettled() + "; missing " + r.missing()
                + "; more than one terminal status " + r.multipleTerminal() + "; stream disagrees " + r.disagreeing()
                + "; settled but not seen on the stream " + r.notOnStream() + "; repeated stream events "
                + r.streamRepeats();
    }

    private static MarkdownTable ceilings(RunReport run) {
        MarkdownTable table = new MarkdownTable("ceiling", "figure", "detail");
        PerfTestCeiling.Outcome perf = run.perfTest();
        String flags = "quorum queue, persistent, confirms (" + String.join(" ", PerfTestCeiling.FLAGS) + ")";
        if (perf == null || perf.result() == null) {
            table.row("RabbitMQ PerfTest 2.22.1", "skipped", perf == null ? "not run" : perf.skippedBecause());
        } else {
            table.row("RabbitMQ PerfTest 2.22.1", perf.result().sendingPerSecond() + " msg/s sent, "
                    + perf.result().receivingPerSecond() + " received", flags + "; confirm latency p50 "
                    + format("%.1f", perf.result().confirmP50Micros() / 1000.0) + " ms, p99 "
                    + format("%.1f", perf.result().confirmP99Micros() / 1000.0) + " ms");
        }
        if (run.readsSkipped() != null) {
            table.row("reads (wrk)", "skipped", run.readsSkipped());
        }
        Optional<Double> staticRate = run.reads().stream().filter(o -> o.name().startsWith("static"))
                .filter(o -> o.result() != null).map(o -> o.result().requestsPerSecond()).findFirst();
        for (WrkCeiling.Outcome read : run.reads()) {
            if (read.result() == null) {
                table.row(read.name(), "failed", read.skippedBecause());
                continue;
            }
            String ratio = staticRate.filter(s -> !read.name().startsWith("static"))
                    .map(s -> format(", %.2fx the static file", read.result().requestsPerSecond() / s)).orElse("");
            table.row(read.name(), format("%.0f req/s", read.result().requestsPerSecond()),
                    "GET " + read.path() + "; p50 " + format("%.2f", read.result().p50Millis()) + " ms, p99 "
                            + format("%.2f", read.result().p99Millis()) + " ms; non-2xx " + read.result().non2xx()
                            + ", socket errors " + read.result().socketErrors() + ratio);
        }
        return table;
    }

    private static String queues(WorkloadReport workload) {
        MarkdownTable table = new MarkdownTable("queue (deepest sample, about 1/s, during load and drain)", "ready",
                "unacked", "total");
        for (QueueDepths.Depth depth : workload.queues()) {
            table.row(depth.queue(), Long.toString(depth.readyMax()), Long.toString(depth.unackedMax()),
                    Long.toString(depth.totalMax()));
        }
        String note = workload.queuesFailure() == null ? "" : "Queue sampling stopped: " + workload.queuesFailure()
                + "\n\n";
        return note + (table.isEmpty() ? "No queue held a message at any sample.\n" : table.render());
    }

    private static MarkdownTable hops(List<HopRow> rows) {
        MarkdownTable table = new MarkdownTable("service", "metric", "tags", "count", "mean ms", "max ms");
        for (HopRow row : rows) {
            table.row(row.service(), row.metric(), row.tags(), Long.toString(row.count()),
                    Double.isNaN(row.meanMillis()) ? "" : format("%.2f", row.meanMillis()),
                    Double.isNaN(row.maxMillis()) ? "" : format("%.1f", row.maxMillis()));
        }
        return table;
    }

    /** One figure per line: {@code section,item,metric,value} (for spreadsheets and before/after diffs). */
    public static String csv(RunReport run) {
        List<String> lines = new ArrayList<>();
        lines.add("section,item,metric,value");
        lines.add(csv("run", "run", "date", run.date().toString()));
        lines.add(csv("run", "run", "git", run.gitSha()));
        lines.add(csv("run", "run", "cores", Integer.toString(run.cores())));
        lines.add(csv("run", "run", "load_before", run.loadBefore()));
        lines.add(csv("run", "run", "load_after", run.loadAfter()));
        lines.add(csv("run", "run", "correct", Boolean.toString(run.correct())));
        for (WorkloadReport w : run.workloads()) {
            WorkloadFigures f = w.figures();
            lines.add(csv("orders", w.name(), "accepted_total", Long.toString(f.acceptedTotal())));
            lines.add(csv("orders", w.name(), "accepted_per_s", format("%.1f", f.acceptedPerSecond())));
            lines.add(csv("orders", w.name(), "settled_per_s", format("%.1f", f.settledPerSecond())));
            lines.add(csv("orders", w.name(), "settle_p50_ms", format("%.1f", f.acceptedToSettled().p50Millis())));
            lines.add(csv("orders", w.name(), "settle_p99_ms", format("%.1f", f.acceptedToSettled().p99Millis())));
            lines.add(csv("orders", w.name(), "post_p50_ms", format("%.1f", f.sentToAccepted().p50Millis())));
            lines.add(csv("orders", w.name(), "post_p99_ms", format("%.1f", f.sentToAccepted().p99Millis())));
            lines.add(csv("orders", w.name(), "intended_settle_p99_ms",
                    format("%.1f", f.intendedToSettled().p99Millis())));
            lines.add(csv("orders", w.name(), "confirmed", Long.toString(f.confirmedTotal())));
            lines.add(csv("orders", w.name(), "rejected", Long.toString(f.rejectedTotal())));
            lines.add(csv("orders", w.name(), "cpu_idle", format("%.3f", w.idleCpu())));
            lines.add(csv("orders", w.name(), "http_errors", Long.toString(
                    w.errors().values().stream().mapToLong(Long::longValue).sum())));
            lines.add(csv("orders", w.name(), "correct", Boolean.toString(w.correct())));
            for (HopRow hop : w.hops()) {
                String item = w.name() + " " + hop.service() + " " + hop.metric() + " " + hop.tags();
                lines.add(csv("hop", item, "count", Long.toString(hop.count())));
                if (!Double.isNaN(hop.meanMillis())) {
                    lines.add(csv("hop", item, "mean_ms", format("%.3f", hop.meanMillis())));
                }
            }
        }
        if (run.perfTest() != null && run.perfTest().result() != null) {
            lines.add(csv("ceiling", "perftest", "sent_per_s", Long.toString(run.perfTest().result().sendingPerSecond())));
            lines.add(csv("ceiling", "perftest", "received_per_s",
                    Long.toString(run.perfTest().result().receivingPerSecond())));
        }
        for (WrkCeiling.Outcome read : run.reads()) {
            if (read.result() != null) {
                lines.add(csv("ceiling", read.name(), "requests_per_s", format("%.0f", read.result().requestsPerSecond())));
                lines.add(csv("ceiling", read.name(), "p99_ms", format("%.2f", read.result().p99Millis())));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String csv(String section, String item, String metric, String value) {
        return quote(section) + "," + quote(item) + "," + quote(metric) + "," + quote(value);
    }

    static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String pair(Latency latency) {
        return latency.count() == 0 ? "n/a" : format("%.1f", latency.p50Millis()) + " / "
                + format("%.1f", latency.p99Millis());
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
