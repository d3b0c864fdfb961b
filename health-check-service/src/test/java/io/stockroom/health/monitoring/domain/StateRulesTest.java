package io.stockroom.health.monitoring.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String PROJECTIONS = "stock-management.projections";
    private final MonitoredService consumer = new MonitoredService("stock-management-consumer",
            "http://127.0.0.1:8082", "stock-management.commands");
    private final MonitoredService webOnly = new MonitoredService("producer-service", "http://127.0.0.1:8080", null);
    private final MonitoredService queueOnly = new MonitoredService("worker", null, "work.commands");
    private final MonitoredService copyKeeper = new MonitoredService("stock-management-consumer",
            "http://127.0.0.1:8082", "stock-management.commands", List.of(PROJECTIONS));

    @Test
    void a_healthy_actuator_and_a_consumed_queue_is_up() {
        Verdict verdict = StateRules.judge(consumer, healthy(), queue(2, 0L), false);

        assertThat(verdict.state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void a_queue_without_consumers_is_down_even_when_the_actuator_answers() {
        Verdict verdict = StateRules.judge(consumer, healthy(), queue(0, 0L), false);

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).contains("no consumer on queue stock-management.commands");
    }

    @Test
    void an_actuator_that_does_not_answer_is_down() {
        Verdict verdict = StateRules.judge(webOnly, ActuatorCheck.noAnswer(NOW, "Connection refused", 3), null,
                false);

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).contains("Connection refused");
    }

    @Test
    void an_actuator_that_answers_with_a_down_component_is_degraded() {
        ActuatorCheck check = ActuatorCheck.answered(NOW, "DOWN", List.of("mongo"), 12);

        Verdict verdict = StateRules.judge(consumer, check, queue(1, 0L), false);

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(verdict.reason()).contains("DOWN").contains("mongo");
    }

    @Test
    void out_of_service_is_degraded_not_down() {
        Verdict verdict = StateRules.judge(webOnly, ActuatorCheck.answered(NOW, "OUT_OF_SERVICE", List.of(), 5),
                null, false);

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
    }

    @Test
    void a_growing_dead_letter_queue_is_degraded() {
        Verdict verdict = StateRules.judge(consumer, healthy(), queue(1, 7L), true);

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(verdict.reason()).contains("dead-letter queue").contains("7");
    }

    @Test
    void down_wins_over_degraded_and_keeps_both_reasons() {
        Verdict verdict = StateRules.judge(consumer, ActuatorCheck.answered(NOW, "DOWN", List.of("rabbit"), 4),
                queue(0, 3L), true);

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).contains("no consumer").contains("rabbit").contains("growing");
    }

    @Test
    void a_queue_that_does_not_exist_is_down() {
        Verdict verdict = StateRules.judge(queueOnly, null, QueueStats.missing("work.commands"), false);

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).contains("does not exist");
    }

    @Test
    void unknown_queue_figures_do_not_count_against_a_service() {
        assertThat(StateRules.judge(consumer, healthy(), null, false).state()).isEqualTo(ServiceState.UP);
        assertThat(StateRules.judge(queueOnly, null, null, false).state()).isEqualTo(ServiceState.UNKNOWN);
    }

    @Test
    void nothing_observed_yet_is_unknown() {
        assertThat(StateRules.judge(consumer, null, null, false).state()).isEqualTo(ServiceState.UNKNOWN);
    }

    @Test
    void a_further_queue_without_consumer_is_degraded_not_down_and_named_in_the_reason() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(1, 0L), false,
                List.of(further(new QueueStats(PROJECTIONS, true, 12, 0L, 0, null, null, 0L), false)));

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(verdict.reason()).isEqualTo("no consumer on queue " + PROJECTIONS + " (12 messages waiting)");
    }

    @Test
    void a_further_queue_that_does_not_exist_is_degraded_not_down() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(1, 0L), false,
                List.of(further(QueueStats.missing(PROJECTIONS), false)));

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(verdict.reason()).isEqualTo("queue " + PROJECTIONS + " does not exist");
    }

    @Test
    void a_growing_dead_letter_queue_behind_a_further_queue_is_degraded_and_names_that_queue() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(1, 0L), false,
                List.of(further(projections(1, 3L), true)));

        assertThat(verdict.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(verdict.reason()).isEqualTo("dead-letter queue of " + PROJECTIONS + " is growing (3 messages)");
    }

    @Test
    void a_healthy_further_queue_leaves_the_service_up() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(1, 0L), false,
                List.of(further(projections(2, 5L), false)));

        assertThat(verdict.state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void the_main_queue_without_consumer_is_still_down_and_the_further_queue_adds_its_reason() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(0, 0L), false,
                List.of(further(projections(0, 0L), false)));

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).startsWith("no consumer on queue stock-management.commands")
                .contains("no consumer on queue " + PROJECTIONS);
    }

    @Test
    void a_healthy_further_queue_does_not_hide_a_missing_main_queue() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), QueueStats.missing("stock-management.commands"),
                false, List.of(further(projections(1, 0L), false)));

        assertThat(verdict.state()).isEqualTo(ServiceState.DOWN);
        assertThat(verdict.reason()).isEqualTo("queue stock-management.commands does not exist");
    }

    @Test
    void unknown_figures_of_a_further_queue_do_not_count_against_a_service() {
        Verdict verdict = StateRules.judge(copyKeeper, healthy(), queue(1, 0L), false,
                List.of(further(null, true)));

        assertThat(verdict.state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void a_service_needs_an_actuator_or_a_queue_and_a_clean_name() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new MonitoredService("lonely", " ", null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new MonitoredService("Bad Name", "http://x", null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new MonitoredService("svc", "ftp://x", null));
        assertThat(new MonitoredService("svc", "http://x:1/", null).actuatorUrl()).isEqualTo("http://x:1");
    }

    private static ActuatorCheck healthy() {
        return ActuatorCheck.answered(NOW, "UP", List.of(), 5);
    }

    private static QueueObservation further(QueueStats stats, boolean dlqGrowing) {
        return new QueueObservation(PROJECTIONS, stats, dlqGrowing);
    }

    private static QueueStats projections(int consumers, Long deadLetters) {
        return new QueueStats(PROJECTIONS, true, 0, 0L, consumers, null, null, deadLetters);
    }

    private static QueueStats queue(int consumers, Long deadLetters) {
        return new QueueStats("stock-management.commands", true, 4, 0L, consumers, 1.0, 1.0, deadLetters);
    }
}
