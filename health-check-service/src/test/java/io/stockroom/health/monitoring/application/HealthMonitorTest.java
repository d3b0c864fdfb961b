package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.ComponentCheck;
import io.stockroom.health.monitoring.domain.MonitoredService;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.Transition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HealthMonitorTest {

    private static final String QUEUE = "stock-management.commands";
    private static final String PROJECTIONS = "stock-management.projections";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ListStore store = new ListStore();
    private final List<Transition> alerted = new ArrayList<>();
    private final MonitoredService consumer = new MonitoredService("stock-management-consumer",
            "http://127.0.0.1:8082", QUEUE);

    @Test
    void every_change_of_state_is_one_transition_stored_and_alerted_and_a_steady_state_is_none() {
        HealthMonitor monitor = monitor(List.of((transition, now) -> alerted.add(transition)));

        monitor.recordQueues(queues(1));
        monitor.recordQueues(queues(1));
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(0));
        monitor.recordQueues(queues(0));
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(2));

        assertThat(of(consumer.name(), alerted)).extracting(Transition::to)
                .containsExactly(ServiceState.UP, ServiceState.DOWN, ServiceState.UP);
        assertThat(store.transitions).containsExactlyElementsOf(alerted);
        assertThat(store.states.get(consumer.name()).state()).isEqualTo(ServiceState.UP);
        assertThat(monitor.overview().recentTransitions().getFirst().to()).isEqualTo(ServiceState.UP);
    }

    @Test
    void the_broker_and_the_database_have_rows_of_their_own_whose_changes_are_transitions() {
        HealthMonitor monitor = monitor(List.of((transition, now) -> alerted.add(transition)));

        monitor.recordQueues(queues(1));
        monitor.recordComponent(HealthMonitor.DATABASE, new ComponentCheck(true, "answers (ping 2 ms)",
                clock.instant()));
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(QueueSnapshot.unavailable("connection refused", clock.instant()));
        monitor.recordComponent(HealthMonitor.DATABASE, new ComponentCheck(false, "does not answer: timeout",
                clock.instant()));

        assertThat(monitor.overview().infrastructure()).extracting(ServiceHealth::name, ServiceHealth::state)
                .containsExactly(tuple(HealthMonitor.BROKER, ServiceState.DOWN),
                        tuple(HealthMonitor.DATABASE, ServiceState.DOWN));
        assertThat(monitor.overview().infrastructure().getFirst().reason()).contains("connection refused");
        assertThat(of(HealthMonitor.DATABASE, alerted)).extracting(Transition::to)
                .containsExactly(ServiceState.UP, ServiceState.DOWN);
        assertThat(store.states.get(HealthMonitor.BROKER).state()).isEqualTo(ServiceState.DOWN);
    }

    private static List<Transition> of(String service, List<Transition> transitions) {
        return transitions.stream().filter(t -> t.service().equals(service)).toList();
    }

    @Test
    void an_alert_channel_that_throws_does_not_stop_the_others_or_the_state_change() {
        HealthMonitor monitor = monitor(List.of((transition, now) -> {
            throw new IllegalStateException("webhook exploded");
        }, (transition, now) -> alerted.add(transition)));

        monitor.recordActuator(consumer.name(), ActuatorCheck.noAnswer(clock.instant(), "refused", 1));

        assertThat(alerted).singleElement().extracting(Transition::to).isEqualTo(ServiceState.DOWN);
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DOWN);
    }

    @Test
    void queue_figures_from_a_stuck_queue_thread_stop_counting() {
        HealthMonitor monitor = monitor(List.of());
        monitor.recordQueues(queues(0));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DOWN);

        clock.advance(Duration.ofSeconds(30));
        monitor.recordActuator(consumer.name(), ActuatorCheck.answered(clock.instant(), "UP", List.of(), 3));

        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.UP);
    }

    @Test
    void a_restarted_monitor_continues_from_the_stored_state_and_history() {
        HealthMonitor first = monitor(List.of());
        first.recordQueues(queues(0));

        HealthMonitor second = monitor(List.of((transition, now) -> alerted.add(transition)));
        second.restore();
        second.recordQueues(queues(0));
        clock.advance(Duration.ofSeconds(1));
        second.recordQueues(queues(1));

        assertThat(of(consumer.name(), second.overview().recentTransitions())).hasSize(2);
        assertThat(of(consumer.name(), alerted)).singleElement().satisfies(transition -> {
            assertThat(transition.from()).isEqualTo(ServiceState.DOWN);
            assertThat(transition.to()).isEqualTo(ServiceState.UP);
        });
    }

    @Test
    void two_transitions_in_the_same_instant_still_get_distinct_natural_ids() {
        HealthMonitor monitor = monitor(List.of());

        monitor.recordQueues(queues(1));
        monitor.recordQueues(queues(0));
        monitor.recordQueues(queues(1));

        assertThat(of(consumer.name(), store.transitions)).extracting(Transition::id).doesNotHaveDuplicates()
                .hasSize(3);
    }

    @Test
    void a_growing_dead_letter_queue_degrades_the_service_until_the_window_passes() {
        HealthMonitor monitor = monitor(List.of());
        monitor.recordQueues(queues(1, 0L));
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(1, 2L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DEGRADED);

        clock.advance(Duration.ofSeconds(61));
        monitor.recordQueues(queues(1, 2L));

        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.UP);
    }

    @Test
    void dead_letters_growing_behind_a_further_queue_degrade_the_service_until_the_window_passes() {
        HealthMonitor monitor = copyKeeperMonitor();
        monitor.recordQueues(queues(1, 0L, 1, 0L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.UP);

        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(1, 0L, 1, 4L));

        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DEGRADED);
        ServiceHealth shown = monitor.overview().services().getFirst();
        assertThat(shown.reason()).contains("dead-letter queue of " + PROJECTIONS);
        assertThat(shown.dlqGrowing()).as("the main queue's own DLQ did not grow").isFalse();
        assertThat(shown.queueStats().queue()).isEqualTo(QUEUE);
        assertThat(shown.alsoConsumes()).singleElement().satisfies(further -> {
            assertThat(further.queue()).isEqualTo(PROJECTIONS);
            assertThat(further.queueStats().deadLetters()).isEqualTo(4L);
            assertThat(further.dlqGrowing()).isTrue();
        });

        clock.advance(Duration.ofSeconds(61));
        monitor.recordQueues(queues(1, 0L, 1, 4L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.UP);
    }

    @Test
    void a_further_queue_without_consumer_degrades_while_the_main_queue_alone_decides_down() {
        HealthMonitor monitor = copyKeeperMonitor();

        monitor.recordQueues(queues(1, 0L, 0, 0L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DEGRADED);
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(0, 0L, 0, 0L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DOWN);
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(0, 0L, 1, 0L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DOWN);
        clock.advance(Duration.ofSeconds(2));
        monitor.recordQueues(queues(1, 0L, 1, 0L));

        assertThat(of(consumer.name(), store.transitions)).extracting(Transition::to).containsExactly(
                ServiceState.DEGRADED, ServiceState.DOWN, ServiceState.UP);
    }

    @Test
    void figures_of_a_further_queue_from_a_stuck_queue_thread_stop_counting_like_the_main_queue() {
        HealthMonitor monitor = copyKeeperMonitor();
        monitor.recordQueues(queues(1, 0L, 0, 0L));
        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.DEGRADED);

        clock.advance(Duration.ofSeconds(30));
        monitor.recordActuator(consumer.name(), ActuatorCheck.answered(clock.instant(), "UP", List.of(), 3));

        assertThat(monitor.stateOf(consumer.name())).contains(ServiceState.UP);
    }

    private HealthMonitor monitor(List<TransitionAlerts> alerts) {
        return new HealthMonitor(List.of(consumer), new HealthMonitor.Settings(10, Duration.ofSeconds(60),
                Duration.ofSeconds(7)), store, alerts, clock);
    }

    /** The consumer, also consuming the durable queue that keeps its copy of the items. */
    private HealthMonitor copyKeeperMonitor() {
        MonitoredService copyKeeper = new MonitoredService(consumer.name(), consumer.actuatorUrl(), QUEUE,
                List.of(PROJECTIONS));
        return new HealthMonitor(List.of(copyKeeper), new HealthMonitor.Settings(10, Duration.ofSeconds(60),
                Duration.ofSeconds(7)), store, List.of(), clock);
    }

    private QueueSnapshot queues(int consumers, Long deadLetters, int projectionConsumers, Long projectionDeadLetters) {
        return new QueueSnapshot(QueueSource.MANAGEMENT_API, null, clock.instant(), Map.of(
                QUEUE, new QueueStats(QUEUE, true, 0, 0L, consumers, 0.0, 0.0, deadLetters),
                PROJECTIONS, new QueueStats(PROJECTIONS, true, 0, 0L, projectionConsumers, 0.0, 0.0,
                        projectionDeadLetters)));
    }

    private QueueSnapshot queues(int consumers) {
        return queues(consumers, 0L);
    }

    private QueueSnapshot queues(int consumers, Long deadLetters) {
        return new QueueSnapshot(QueueSource.MANAGEMENT_API, null, clock.instant(),
                Map.of(QUEUE, new QueueStats(QUEUE, true, 0, 0L, consumers, 0.0, 0.0, deadLetters)));
    }

    /** Keeps what the monitor stores in lists, as MongoDB would keep it in collections. */
    private static final class ListStore implements StateStore {
        final List<Transition> transitions = new ArrayList<>();
        final Map<String, StoredState> states = new HashMap<>();

        @Override
        public Map<String, StoredState> loadStates() {
            return Map.copyOf(states);
        }

        @Override
        public void saveState(StoredState state) {
            states.put(state.service(), state);
        }

        @Override
        public void append(Transition transition) {
            transitions.add(transition);
        }

        @Override
        public List<Transition> recent(int max) {
            return transitions.stream().sorted(Comparator.comparing(Transition::at).reversed()).limit(max).toList();
        }

        @Override
        public List<Transition> recentOf(String service, int max) {
            return recent(max).stream().filter(t -> t.service().equals(service)).toList();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
