package io.stockroom.bench.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private final SseParser parser = new SseParser();

    private List<SseParser.Event> feed(String... lines) {
        List<SseParser.Event> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void aNamedEventIsDispatchedByTheBlankLineAfterIt() {
        List<SseParser.Event> events = feed(":connected", "", "event:order",
                "data:{\"orderId\":\"ord-1\",\"status\":\"CONFIRMED\"}", "");

        assertThat(parser.lastComment()).isEqualTo("connected");
        assertThat(events).containsExactly(
                new SseParser.Event("order", "{\"orderId\":\"ord-1\",\"status\":\"CONFIRMED\"}"));
    }

    @Test
    void dataLinesAreJoinedWithNewlinesAndOneLeadingSpaceIsDropped() {
        List<SseParser.Event> events = feed("data: first", "data:  second", "id: 7", "");

        assertThat(events).containsExactly(new SseParser.Event("message", "first\n second"));
    }

    @Test
    void theEventNameDoesNotLeakIntoTheNextEvent() {
        List<SseParser.Event> events = feed("event:order", "data:a", "", "data:b", "");

        assertThat(events).extracting(SseParser.Event::name).containsExactly("order", "message");
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing() {
        assertThat(parser.line("event:order")).isEqualTo(Optional.empty());
        assertThat(parser.line("")).isEmpty();
        assertThat(parser.line("")).isEmpty();
    }
}
