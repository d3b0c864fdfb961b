package io.stockroom.bench.report;

import io.stockroom.bench.ceiling.PerfTestCeiling;
import io.stockroom.bench.ceiling.PerfTestResult;
import io.stockroom.bench.ceiling.WrkCeiling;
import io.stockroom.bench.ceiling.WrkResult;
import io.stockroom.bench.load.LoadWindow;
import io.stockroom.bench.load.OrderRegistry;
import io.stockroom.bench.load.WorkloadFigures;
import io.stockroom.bench.metrics.HopRow;
import io.stockroom.bench.reconcile.OrderState;
import io.stockroom.bench.reconcile.Reconciliation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final long S = 1_000_000_000L;

    private static WorkloadReport workload(boolean checkPassed) {
        OrderRegistry registry = new OrderRegistry();
        registry.accepted("o1", "spread", 0, 1, 0, 0, S / 10, () -> {
        });
        registry.terminal("o1", "CONFIRMED", S / 5);
        WorkloadFigures figures = WorkloadFigures.of(registry.of("spread"), 0, S);
        Reconciliation reconciliation = Reconciliation.of(registry.of("spread"),
                Map.of("o1", new OrderState(200, "CONFIRMED", 1)));
        return new WorkloadReport("spread", "closed: 1 shoppers x 1 in flight", false,
                new LoadWindow(0, 0, S, null), figures, Map.of("HTTP 429", 3L), 0.75, "1.00 1.00 1.00", 0.5,
                reconciliation, List.of(new WorkloadReport.Check("an exact check", checkPassed)),
                List.of(new HopRow("order-processing-consumer", "stockroom_orders_reservation_seconds", "", 1, 4.5,
                        9.0)), null);
    }

    private static RunReport run(boolean checkPassed) {
        return new RunReport(Instant.parse("2026-12-03T10:00:00Z"), "abc1234", 2, "0.50 0.40 0.30",
                "1.50 1.40 1.30", "started by the benchmark", "shoppers=1", 123,
                new PerfTestCeiling.Outcome(new PerfTestResult(13_200, 13_100, 10_000, 32_000), null),
                List.of(new WrkCeiling.Outcome("item page", "/api/items/X", new WrkResult(5_000, 1, 9, 0, 0), null),
                        new WrkCeiling.Outcome("static file", "/css/app.css", new WrkResult(20_000, 1, 5, 0, 0),
                                null)),
                null, List.of(workload(checkPassed)), 0, List.of("a note"));
    }

    @Test
    void theTableCarriesTheMachineTheFiguresTheCeilingsAndEveryHop() {
        String markdown = Report.markdown(run(true));

        assertThat(markdown).contains("git abc1234", "2 cores", "0.50 0.40 0.30 before", "1.50 1.40 1.30 after")
                .contains("| spread ", "| 1.0 ", "100.0 / 100.0", "75 %", "HTTP 429: 3")
                .contains("13200 msg/s sent", "5000 req/s", "0.25x the static file")
                .contains("stockroom_orders_reservation_seconds", "4.50")
                .contains("every accepted order settled exactly once")
                .contains("PASS an exact check");
    }

    @Test
    void aFailedCheckMakesTheRunIncorrectAndTheTableSaysSo() {
        RunReport failed = run(false);

        assertThat(failed.correct()).isFalse();
        assertThat(Report.markdown(failed)).contains("CORRECTNESS PROBLEMS", "FAIL an exact check");
    }

    @Test
    void theCsvHasOneFigurePerLineAndQuotesWhatNeedsIt() {
        String csv = Report.csv(run(true));

        assertThat(csv.lines().findFirst()).hasValue("section,item,metric,value");
        assertThat(csv).contains("orders,spread,settled_per_s,1.0", "ceiling,perftest,sent_per_s,13200",
                "run,run,correct,true");
        assertThat(Report.quote("a,b \"c\"")).isEqualTo("\"a,b \"\"c\"\"\"");
    }
}
