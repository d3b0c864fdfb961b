package io.stockroom.bench.api;

import java.util.Optional;

/**
 * Server-sent events, line by line (the text/event-stream format): {@code event:} names the event, {@code data:}
 * lines are joined with newlines, a line starting with {@code :} is a comment, and a blank line dispatches the event.
 * Not thread-safe: one parser per stream.
 */
public final class SseParser {

    /** One dispatched event; {@code name} is "message" when the server gave none. */
    public record Event(String name, String data) {
    }

    /** Upper bound on one event's data, so a broken stream cannot grow the heap. */
    static final int DATA_CHARS_MAX = 1 << 20;

    private String name;
    private StringBuilder data;
    private String lastComment;

    /** Feeds one line (without its line end); returns the event a blank line completes. */
    public Optional<Event> line(String line) {
        if (line.isEmpty()) {
            if (data == null) {
                name = null;
                return Optional.empty();
            }
            Event event = new Event(name == null ? "message" : name, data.toString());
            name = null;
            data = null;
            return Optional.of(event);
        }
        if (line.startsWith(":")) {
            lastComment = line.substring(1).strip();
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder();
                } else {
                    data.append('\n');
                }
                if (data.length() + value.length() > DATA_CHARS_MAX) {
                    throw new IllegalStateException("an SSE event exceeded " + DATA_CHARS_MAX + " characters");
                }
                data.append(value);
            }
            default -> {
                // id, retry and unknown fields do not matter to the benchmark.
            }
        }
        return Optional.empty();
    }

    /** The text of the last comment line seen (the producer sends "connected" first), or null. */
    public String lastComment() {
        return lastComment;
    }
}
