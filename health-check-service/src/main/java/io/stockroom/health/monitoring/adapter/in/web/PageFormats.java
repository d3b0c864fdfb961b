package io.stockroom.health.monitoring.adapter.in.web;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes times, durations and figures ({@code ${@pageFormats.time(...)}} in the template). */
@Component
public class PageFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%d min %d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %d min", seconds / 3600, (seconds % 3600) / 60);
    }

    public String count(Number value) {
        return value == null ? "—" : value.toString();
    }

    public String rate(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
