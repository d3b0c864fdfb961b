package io.stockroom.bench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system) of named processes from {@code /proc/<pid>/stat}, so the report can say who used the CPU
 * during a workload: the generator itself (it must stay small, or it measures itself) and each service.
 */
public final class ProcessCpu {

    /** Clock ticks per second on Linux (USER_HZ), the unit of /proc/<pid>/stat. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds so far of each named process; a process that cannot be read is left out. */
    public static Map<String, Double> sample(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                seconds.put(name, parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
            } catch (IOException | RuntimeException e) {
                // Gone or unreadable: no figure rather than a wrong one.
            }
        });
        return seconds;
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in seconds (the command name may hold spaces). */
    static double parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // After "pid (comm) ", the state is field 3 of stat(5); utime and stime are fields 14 and 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** CPU seconds each process used between two samples (processes in both only). */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            Double start = before.get(name);
            if (start != null) {
                used.put(name, seconds - start);
            }
        });
        return used;
    }
}
