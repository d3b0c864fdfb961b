package io.stockroom.bench.report;

import io.stockroom.bench.ceiling.PerfTestCeiling;
import io.stockroom.bench.ceiling.WrkCeiling;

import java.time.Instant;
import java.util.List;

/**
 * One benchmark run: the machine, the stack, the ceilings and every workload.
 *
 * @param readsSkipped why the read ceiling is missing, or null
 */
public record RunReport(Instant date, String gitSha, int cores, String loadBefore, String loadAfter,
                        String stack, String settings, double totalSeconds, PerfTestCeiling.Outcome perfTest,
                        List<WrkCeiling.Outcome> reads, String readsSkipped, List<WorkloadReport> workloads,
                        long unmatchedStreamEvents, List<String> notes) {

    public boolean correct() {
        return workloads.stream().allMatch(WorkloadReport::correct);
    }
}
