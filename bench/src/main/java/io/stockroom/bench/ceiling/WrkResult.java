package io.stockroom.bench.ceiling;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What wrk measured: requests per second, median and 99th percentile latency (ms, from {@code --latency}), responses
 * that were not 2xx or 3xx, and socket errors (connect, read, write, timeout summed).
 */
public record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx,
                        long socketErrors) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Empty when wrk printed no rate (it failed to run). */
    public static Optional<WrkResult> parse(String output) {
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            return Optional.empty();
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return Optional.of(new WrkResult(Double.parseDouble(rate.group(1)), p50, p99,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors));
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1_000;
            case "ms" -> value;
            case "s" -> value * 1_000;
            case "m" -> value * 60_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
