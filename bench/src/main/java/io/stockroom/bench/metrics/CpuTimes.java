package io.stockroom.bench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from the first line of {@code /proc/stat} (in clock ticks, all cores): idle (idle +
 * iowait) and total (user, nice, system, idle, iowait, irq, softirq, steal; guest time is already inside user).
 * Two samples tell how idle the machine was between them: CPU-bound or waiting.
 */
public record CpuTimes(long idleTicks, long totalTicks) {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Parses the aggregate {@code cpu} line of {@code /proc/stat}'s text. */
    public static CpuTimes parse(String procStat) {
        String first = procStat.lines().findFirst().orElse("");
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + first);
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new CpuTimes(Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total);
    }

    /** Now, or null where there is no /proc/stat (the report then says "n/a"). */
    public static CpuTimes now() {
        try {
            return parse(Files.readString(PROC_STAT));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Idle share of all cores between {@code before} and {@code after}, 0..1, or NaN if unknown. */
    public static double idleBetween(CpuTimes before, CpuTimes after) {
        if (before == null || after == null || after.totalTicks <= before.totalTicks) {
            return Double.NaN;
        }
        return (double) (after.idleTicks - before.idleTicks) / (after.totalTicks - before.totalTicks);
    }
}
