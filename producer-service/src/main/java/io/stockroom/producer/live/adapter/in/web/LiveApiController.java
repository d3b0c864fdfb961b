package io.stockroom.producer.live.adapter.in.web;

import io.stockroom.producer.api.ApiController;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The JSON API's live streams: a shopper's own orders and every admin command's outcome. They live in this feature,
 * not beside the order and command endpoints, so that orders and commands do not depend on the live updates that
 * depend on them.
 */
@ApiController("api.liveController")
class LiveApiController {

    private final LiveStreams streams;

    LiveApiController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(value = "/api/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter orders(Authentication who) {
        return streams.orders(who.getName());
    }

    @GetMapping(value = "/api/commands/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter commandOutcomes() {
        return streams.commandOutcomes();
    }
}
