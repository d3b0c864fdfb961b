package io.stockroom.bench.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Prometheus text exposition format as the services' {@code /actuator/prometheus} writes it: one sample per line,
 * {@code name{label="value",...} value [timestamp]}, comments starting with {@code #}. Label values may hold escaped
 * quotes, backslashes and newlines, and commas or braces.
 */
public final class PrometheusText {

    /** One time series: metric name and labels (sorted, so equal series compare equal). */
    public record Series(String name, SortedMap<String, String> labels) {

        public Series {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        public static Series of(String name, Map<String, String> labels) {
            return new Series(name, new TreeMap<>(labels));
        }

        /** The same labels under another name (e.g. {@code _count} to {@code _sum}). */
        public Series renamed(String other) {
            return new Series(other, labels);
        }
    }

    private PrometheusText() {
    }

    /** Every sample in {@code text}; a line that is not a sample is an {@link IllegalArgumentException}. */
    public static Map<Series, Double> parse(String text) {
        Map<Series, Double> samples = new HashMap<>();
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parseLine(line, samples);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " is not a Prometheus sample: " + line, e);
            }
        }
        return samples;
    }

    private static void parseLine(String line, Map<Series, Double> samples) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        TreeMap<String, String> labels = new TreeMap<>();
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            rest = parseLabels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] tail = line.substring(rest).strip().split("\\s+");
        samples.put(new Series(name, labels), value(tail[0]));
    }

    /** Reads {@code key="value",...}} from {@code at}; returns the index after the closing brace. */
    private static int parseLabels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (true) {
            while (line.charAt(i) == ',' || line.charAt(i) == ' ') {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            if (line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("label " + key + " has no quoted value");
            }
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
