package io.stockroom.bench.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.parse(stat)).isCloseTo(18.01, within(1e-9));
    }

    @Test
    void usageBetweenTwoSamplesCoversOnlyProcessesSeenInBoth() {
        Map<String, Double> used = ProcessCpu.between(Map.of("generator", 1.0, "producer-service", 10.0),
                Map.of("generator", 1.5, "producer-service", 30.0, "late", 3.0));

        assertThat(used).containsOnlyKeys("generator", "producer-service");
        assertThat(used.get("producer-service")).isCloseTo(20.0, within(1e-9));
    }
}
