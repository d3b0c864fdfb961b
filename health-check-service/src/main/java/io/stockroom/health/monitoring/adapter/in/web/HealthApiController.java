package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.HealthOverview;
import io.stockroom.health.monitoring.application.StateStore;
import io.stockroom.health.monitoring.domain.Downtime;
import io.stockroom.health.monitoring.domain.Transition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Read-only JSON: the same picture as the page, the transition history with downtimes, and a live stream. */
@RestController
@RequestMapping(path = "/api/health", produces = MediaType.APPLICATION_JSON_VALUE)
class HealthApiController {

    private static final int LIMIT_MAX = 1_000;

    private final HealthMonitor monitor;
    private final StateStore store;
    private final HealthStream stream;
    private final Clock clock;

    HealthApiController(HealthMonitor monitor, StateStore store, HealthStream stream, Clock clock) {
        this.monitor = monitor;
        this.store = store;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping
    HealthOverview overview() {
        return monitor.overview();
    }

    /**
     * Newest transitions first, and the DOWN periods they contain (oldest first). A downtime that began before the
     * oldest transition returned is not shown; raise {@code limit} to see further back.
     */
    @GetMapping("/transitions")
    History transitions(@RequestParam(required = false) String service,
                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + LIMIT_MAX);
        }
        if (service != null && monitor.monitored().stream().noneMatch(s -> s.name().equals(service))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no monitored service is called that");
        }
        List<Transition> transitions = service == null ? store.recent(limit) : store.recentOf(service, limit);
        return new History(transitions, downtimes(transitions));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe().orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "too many live connections; poll GET /api/health instead"));
    }

    private List<Downtime> downtimes(List<Transition> newestFirst) {
        Map<String, List<Transition>> byService = newestFirst.stream()
                .collect(Collectors.groupingBy(Transition::service));
        List<Downtime> downtimes = new ArrayList<>();
        byService.values().forEach(list -> downtimes.addAll(Downtime.from(
                list.stream().sorted(Comparator.comparing(Transition::at)).toList(), clock.instant())));
        downtimes.sort(Comparator.comparing(Downtime::start));
        return downtimes;
    }

    /** The answer of {@code GET /api/health/transitions}. */
    record History(List<Transition> transitions, List<Downtime> downtimes) {
    }
}
