package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.StateStore;
import io.stockroom.health.monitoring.domain.Downtime;
import io.stockroom.health.monitoring.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The health page. It is rendered complete on the server (readable without JavaScript) and then kept current by
 * {@code /assets/health.js} from the live stream; no inline script, so the strict CSP holds.
 */
@Controller
class HealthPageController {

    private static final Logger log = LoggerFactory.getLogger(HealthPageController.class);
    private static final int HISTORY_TRANSITIONS_MAX = 200;

    private final HealthMonitor monitor;
    private final StateStore store;
    private final Clock clock;

    HealthPageController(HealthMonitor monitor, StateStore store, Clock clock) {
        this.monitor = monitor;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("overview", monitor.overview());
        model.addAttribute("downtimes", downtimes());
        return "health";
    }

    private List<Downtime> downtimes() {
        List<Transition> transitions;
        try {
            transitions = store.recent(HISTORY_TRANSITIONS_MAX);
        } catch (RuntimeException e) {
            // The page still shows the live states when the history store is away.
            log.warn("Downtime history unavailable: {}", e.toString());
            return List.of();
        }
        List<Downtime> downtimes = new ArrayList<>();
        transitions.stream().collect(Collectors.groupingBy(Transition::service)).values()
                .forEach(list -> downtimes.addAll(Downtime.from(
                        list.stream().sorted(Comparator.comparing(Transition::at)).toList(), clock.instant())));
        downtimes.sort(Comparator.comparing(Downtime::start).reversed());
        return downtimes;
    }
}
