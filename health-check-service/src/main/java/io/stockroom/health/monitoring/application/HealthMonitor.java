package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.ComponentCheck;
import io.stockroom.health.monitoring.domain.DeadLetterTrend;
import io.stockroom.health.monitoring.domain.MonitoredService;
import io.stockroom.health.monitoring.domain.QueueObservation;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.StateRules;
import io.stockroom.health.monitoring.domain.Transition;
import io.stockroom.health.monitoring.domain.Verdict;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds each service's state and applies the two kinds of observation to it. Both monitoring threads call in here;
 * every method is synchronized and short (no I/O: the store and alert adapters queue their work), so neither thread
 * waits on the other for long. Every change of state becomes a {@link Transition}: stored, kept in a bounded recent
 * list, and handed to every alert channel.
 */
public final class HealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    /** Names of the infrastructure rows; they take part in transitions and alerts like services do. */
    public static final String BROKER = "message-broker";
    public static final String DATABASE = "database";

    private final Map<String, Tracked> services = new LinkedHashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Deque<Transition> recent = new ArrayDeque<>();
    private final int recentMax;
    private final Duration dlqGrowthWindow;
    private final Duration queueFreshnessMax;
    private final StateStore store;
    private final List<TransitionAlerts> alerts;
    private final Clock clock;
    private QueueSnapshot queues;
    private long version;

    public HealthMonitor(List<MonitoredService> monitored, Settings settings, StateStore store,
                         List<TransitionAlerts> alerts, Clock clock) {
        if (monitored.isEmpty()) {
            throw new IllegalArgumentException("nothing to monitor: configure stockroom.health.services");
        }
        monitored.forEach(service -> {
            if (services.put(service.name(), new Tracked(service)) != null) {
                throw new IllegalArgumentException("service " + service.name() + " is configured twice");
            }
        });
        this.recentMax = settings.recentTransitionsMax();
        this.dlqGrowthWindow = settings.dlqGrowthWindow();
        this.queueFreshnessMax = settings.queueFreshnessMax();
        this.store = store;
        this.alerts = List.copyOf(alerts);
        this.clock = clock;
        this.queues = QueueSnapshot.unavailable("not read yet", clock.instant());
        components.put(BROKER, new Component(BROKER));
        components.put(DATABASE, new Component(DATABASE));
    }

    /**
     * @param recentTransitionsMax transitions kept in memory for the page
     * @param dlqGrowthWindow      a DLQ that grew within this window counts as growing
     * @param queueFreshnessMax    queue figures older than this are ignored (the queue thread is stuck)
     */
    public record Settings(int recentTransitionsMax, Duration dlqGrowthWindow, Duration queueFreshnessMax) {
        public Settings {
            if (recentTransitionsMax < 1 || recentTransitionsMax > 1_000) {
                throw new IllegalArgumentException("recent transitions kept must be 1..1000");
            }
        }
    }

    /** Continues from the persisted states and history, so a restart does not forget an ongoing outage. */
    public synchronized void restore() {
        store.loadStates().forEach((name, stored) -> {
            Tracked tracked = services.get(name);
            if (tracked != null) {
                tracked.state = stored.state();
                tracked.reason = stored.reason();
                tracked.since = stored.since();
            }
            Component component = components.get(name);
            if (component != null) {
                component.state = stored.state();
                component.reason = stored.reason();
                component.since = stored.since();
            }
        });
        recent.clear();
        store.recent(recentMax).forEach(recent::addLast);
        version++;
    }

    public List<MonitoredService> monitored() {
        return services.values().stream().map(tracked -> tracked.service).toList();
    }

    public synchronized void recordQueues(QueueSnapshot snapshot) {
        queues = snapshot;
        // The broker's own row: reachable or not, whichever way its figures were read.
        recordComponent(BROKER, new ComponentCheck(snapshot.source() != QueueSource.UNAVAILABLE,
                switch (snapshot.source()) {
                    case MANAGEMENT_API -> "answers; queue figures from its management API";
                    case AMQP -> "answers over AMQP (management API unavailable: " + snapshot.sourceDetail() + ")";
                    case UNAVAILABLE -> "does not answer: " + snapshot.sourceDetail();
                }, snapshot.observedAt()));
        for (Tracked tracked : services.values()) {
            // The main queue and the further ones alike: the trend of each DLQ, and the time of the last check.
            for (Map.Entry<String, DeadLetterTrend> trend : tracked.dlqTrends.entrySet()) {
                snapshot.queue(trend.getKey()).ifPresent(stats -> {
                    trend.setValue(trend.getValue().next(stats.deadLetters(), snapshot.observedAt()));
                    tracked.lastCheck = snapshot.observedAt();
                });
            }
            evaluate(tracked);
        }
        version++;
    }

    public synchronized void recordActuator(String service, ActuatorCheck check) {
        Tracked tracked = services.get(service);
        if (tracked == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        tracked.actuator = check;
        tracked.lastCheck = check.checkedAt();
        evaluate(tracked);
        version++;
    }

    /** A database or broker check: DOWN when it did not answer, UP otherwise; changes are transitions. */
    public synchronized void recordComponent(String name, ComponentCheck check) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("unknown component " + name);
        }
        component.lastCheck = check.checkedAt();
        component.reason = check.detail();
        ServiceState state = check.up() ? ServiceState.UP : ServiceState.DOWN;
        if (state != component.state) {
            Instant at = component.since != null && !check.checkedAt().isAfter(component.since)
                    ? component.since.plus(1, ChronoUnit.MICROS) : check.checkedAt();
            Transition transition = new Transition(name, component.state, state, check.detail(), at);
            component.state = state;
            component.since = at;
            remember(transition);
            store.append(transition);
            store.saveState(new StoredState(name, state, check.detail(), at));
            alert(transition, component.view());
        }
        version++;
    }

    public synchronized HealthOverview overview() {
        Instant now = clock.instant();
        List<ServiceHealth> health = services.values().stream().map(tracked -> view(tracked, now)).toList();
        return new HealthOverview(now, queues.source(), queues.sourceDetail(),
                queues.source() == QueueSource.UNAVAILABLE ? null : queues.observedAt(), health,
                components.values().stream().map(Component::view).toList(), new ArrayList<>(recent));
    }

    /** Names of the infrastructure rows (for gauges). */
    public List<String> components() {
        return List.of(BROKER, DATABASE);
    }

    public synchronized Optional<ServiceState> stateOf(String service) {
        return Optional.ofNullable(services.get(service)).map(tracked -> tracked.state)
                .or(() -> Optional.ofNullable(components.get(service)).map(component -> component.state));
    }

    public synchronized QueueSnapshot queues() {
        return queues;
    }

    /** Grows by one on every observation; live views compare it to know whether to push. */
    public synchronized long version() {
        return version;
    }

    private void evaluate(Tracked tracked) {
        Instant now = clock.instant();
        QueueStats queue = tracked.service.consumedQueue().map(name -> freshQueue(name, now)).orElse(null);
        Verdict verdict = StateRules.judge(tracked.service, tracked.actuator, queue, queueDlqGrowing(tracked, now),
                alsoConsumed(tracked, now, name -> freshQueue(name, now)));
        tracked.reason = verdict.reason();
        if (verdict.state() == tracked.state || verdict.state() == ServiceState.UNKNOWN) {
            return;
        }
        Instant at = tracked.since != null && !now.isAfter(tracked.since)
                ? tracked.since.plus(1, ChronoUnit.MICROS) : now;
        Transition transition = new Transition(tracked.service.name(), tracked.state, verdict.state(),
                verdict.reason(), at);
        tracked.state = verdict.state();
        tracked.since = at;
        remember(transition);
        store.append(transition);
        store.saveState(new StoredState(tracked.service.name(), tracked.state, tracked.reason, at));
        alert(transition, view(tracked, now));
    }

    private void alert(Transition transition, ServiceHealth health) {
        for (TransitionAlerts channel : alerts) {
            try {
                channel.transitioned(transition, health);
            } catch (RuntimeException e) {
                log.warn("Alert channel " + channel.getClass().getSimpleName()
                        + " failed for " + transition.id(), e);
            }
        }
    }

    /** The queue's figures if they may count: read from a source, and not older than the freshness limit. */
    private QueueStats freshQueue(String queue, Instant now) {
        if (queues.source() == QueueSource.UNAVAILABLE
                || Duration.between(queues.observedAt(), now).compareTo(queueFreshnessMax) > 0) {
            return null;
        }
        return queues.queue(queue).orElse(null);
    }

    /** Shows the latest figures, fresh or not: the page says when they were read. */
    private ServiceHealth view(Tracked tracked, Instant now) {
        MonitoredService service = tracked.service;
        QueueStats stats = service.consumedQueue().flatMap(queues::queue).orElse(null);
        return new ServiceHealth(service.name(), service.actuatorUrl(), service.queue(), tracked.state,
                tracked.reason, tracked.since, tracked.lastCheck, tracked.actuator, stats,
                queueDlqGrowing(tracked, now), alsoConsumed(tracked, now, name -> queues.queue(name).orElse(null)));
    }

    /** Each further queue of the service with the figures {@code figures} gives for it (null when unknown). */
    private List<QueueObservation> alsoConsumed(Tracked tracked, Instant now, Function<String, QueueStats> figures) {
        return tracked.service.alsoConsumes().stream()
                .map(queue -> new QueueObservation(queue, figures.apply(queue), dlqGrowing(tracked, queue, now)))
                .toList();
    }

    private boolean queueDlqGrowing(Tracked tracked, Instant now) {
        return tracked.service.consumedQueue().map(queue -> dlqGrowing(tracked, queue, now)).orElse(false);
    }

    private boolean dlqGrowing(Tracked tracked, String queue, Instant now) {
        return tracked.dlqTrends.get(queue).growing(now, dlqGrowthWindow);
    }

    private void remember(Transition transition) {
        recent.addFirst(transition);
        while (recent.size() > recentMax) {
            recent.removeLast();
        }
    }

    /** Mutable bookkeeping for the broker or the database, only touched under the monitor's lock. */
    private static final class Component {
        final String name;
        ServiceState state = ServiceState.UNKNOWN;
        String reason = "not checked yet";
        Instant since;
        Instant lastCheck;

        Component(String name) {
            this.name = name;
        }

        ServiceHealth view() {
            return new ServiceHealth(name, null, null, state, reason, since, lastCheck, null, null, false, List.of());
        }
    }

    /** Mutable bookkeeping for one service, only touched under the monitor's lock. */
    private static final class Tracked {
        final MonitoredService service;
        ServiceState state = ServiceState.UNKNOWN;
        String reason = "not observed yet";
        Instant since;
        Instant lastCheck;
        ActuatorCheck actuator;
        /** One trend per watched queue (main queue and further ones), keys fixed at construction. */
        final Map<String, DeadLetterTrend> dlqTrends = new LinkedHashMap<>();

        Tracked(MonitoredService service) {
            this.service = service;
            service.watchedQueues().forEach(queue -> dlqTrends.put(queue, DeadLetterTrend.start()));
        }
    }
}
