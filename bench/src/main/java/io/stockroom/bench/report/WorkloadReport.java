package io.stockroom.bench.report;

import io.stockroom.bench.load.LoadWindow;
import io.stockroom.bench.load.WorkloadFigures;
import io.stockroom.bench.metrics.HopRow;
import io.stockroom.bench.reconcile.Reconciliation;

import java.util.List;
import java.util.Map;

/**
 * Everything measured for one order workload.
 *
 * @param name            e.g. "spread"
 * @param mode            how it was driven, e.g. "closed: 64 shoppers x 8 in flight"
 * @param openLoop        whether latencies count from intended send times
 * @param window          when it ran
 * @param figures         rates, latencies, totals
 * @param errors          failed requests by kind
 * @param idleCpu         idle share of all cores during the load (0..1)
 * @param loadAfter       load average at its end
 * @param drainSeconds    how long the last orders took to settle after the load stopped
 * @param reconciliation  every order checked against its record
 * @param checks          extra exact checks (hot SKU: confirmed units, read side), each a line with its verdict
 * @param hops            per-hop timers and counters
 * @param hopsFailure     why there is no per-hop table (a refused scrape), or null
 */
public record WorkloadReport(String name, String mode, boolean openLoop, LoadWindow window, WorkloadFigures figures,
                             Map<String, Long> errors, double idleCpu, String loadAfter, double drainSeconds,
                             Reconciliation reconciliation, List<Check> checks, List<HopRow> hops,
                             String hopsFailure) {

    /** One exact check and whether it held. */
    public record Check(String description, boolean passed) {
    }

    /** Whether correctness held: every order settled exactly once and every exact check passed. */
    public boolean correct() {
        return reconciliation.clean() && checks.stream().allMatch(Check::passed);
    }
}
