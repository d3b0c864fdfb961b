package io.stockroom.producer.live.adapter.in.web;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.adapter.in.web.CommandWording;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.StatusChange;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's live streams, on the session (the {@code /api/**} chain is stateless Basic auth). Each names what
 * the page shows, so the stream starts with the current state of exactly that and cannot miss what happened while
 * the page loaded; an EventSource reconnecting asks again and so resumes where it stands.
 */
@RestController("ui.liveController")
class LiveUiController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9@._:-]{1,200}");

    private final LiveStreams streams;
    private final Orders orders;
    private final AdminCommands commands;
    private final Catalogue catalogue;

    LiveUiController(LiveStreams streams, Orders orders, AdminCommands commands, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.streams = streams;
        this.orders = orders;
        this.commands = commands;
    }

    /** Orders shown on the page: a shopper's own ones, or any for an admin. */
    @GetMapping(value = "/ui/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter orders(@RequestParam(defaultValue = "") String ids, Authentication auth, HttpServletRequest request) {
        Requester requester = Requesters.of(auth, request);
        return streams.orders(requester.isAdmin() ? null : requester.username(), ids(ids),
                id -> orders.get(requester, id).map(LiveUiController::update));
    }

    /** Outcomes of the commands shown on the page; a non-admin may follow only their own commands. */
    @GetMapping(value = "/ui/commands/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter commands(@RequestParam(defaultValue = "") String ids, Authentication auth,
                        HttpServletRequest request) {
        Requester requester = Requesters.of(auth, request);
        List<String> visible = ids(ids).stream()
                .filter(id -> requester.isAdmin() || commands.find(id)
                        .map(action -> action.actor().equals(requester.username())).orElse(false))
                .toList();
        return streams.commands(visible, id -> commands.find(id)
                        .filter(action -> action.status() != ActionStatus.PENDING).map(CommandWording.OutcomeView::of),
                CommandWording.OutcomeView::of);
    }

    /** Stock levels of the items shown on the page, starting with where each stands now. */
    @GetMapping(value = "/ui/stock/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stock(@RequestParam(defaultValue = "") String skus) {
        return streams.stock(ids(skus), catalogue::stockVersion);
    }

    private static List<String> ids(String joined) {
        List<String> ids = Arrays.stream(joined.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .distinct().toList();
        if (ids.size() > LiveStreams.FOLLOWED_IDS_MAX || !ids.stream().allMatch(id -> ID.matcher(id).matches())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "ids: at most " + LiveStreams.FOLLOWED_IDS_MAX + " ids of letters, digits and @._:-");
        }
        return ids;
    }

    private static LiveStreams.OrderUpdate update(OrderView order) {
        StatusChange last = order.history().isEmpty() ? null : order.history().getLast();
        return new LiveStreams.OrderUpdate(order.orderId(), order.status(), order.version(),
                last == null ? order.placedAt() : last.at(), last == null ? null : last.detail());
    }
}
