package io.stockroom.producer.web;

import java.time.Instant;

/**
 * A moment as a page shows it: the ISO instant (app.js rewrites it in the reader's own time zone) and the same in
 * UTC, labelled so, for readers without JavaScript.
 */
public record Stamp(String iso, String utc) {

    public static Stamp of(Instant at) {
        return at == null ? null : new Stamp(at.toString(), Formats.time(at));
    }
}
