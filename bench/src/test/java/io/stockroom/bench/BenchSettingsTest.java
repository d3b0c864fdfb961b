package io.stockroom.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsStartALocalStackOnShiftedPortsWithTheFullJit() {
        BenchSettings settings = BenchSettings.from(Map.of(), ROOT);

        assertThat(settings.target()).isEmpty();
        assertThat(settings.serviceJvmOptions()).isEqualTo(BenchSettings.DEFAULT_JVM_OPTIONS);
        assertThat(settings.localServiceUrls()).containsEntry("producer-service", URI.create("http://127.0.0.1:9080"))
                .containsEntry("health-check-service", URI.create("http://127.0.0.1:9085"));
        assertThat(settings.localMongoPort()).isEqualTo(28017);
        assertThat(settings.backlogMax()).isEqualTo(1_000); // one second of the default rate
        assertThat(settings.results()).isEqualTo(ROOT.resolve("bench/target/results"));
        assertThat(settings.hotStock()).isEmpty();
    }

    @Test
    void aRunningStackNeedsAdminCredentialsAndItsActuatorsDefaultToTheStandardPortsOnItsHost() {
        assertThatThrownBy(() -> BenchSettings.from(Map.of("STOCKROOM_URL", "http://shop.test:8080"), ROOT))
                .hasMessageContaining("STOCKROOM_ADMIN_USERNAME");

        BenchSettings settings = BenchSettings.from(Map.of("STOCKROOM_URL", "http://10.0.0.5:8080",
                "STOCKROOM_ADMIN_USERNAME", "admin", "STOCKROOM_ADMIN_PASSWORD", "secret"), ROOT);

        assertThat(settings.actuatorUrls()).containsEntry("order-processing-consumer",
                URI.create("http://10.0.0.5:8083")).hasSize(5);
    }

    @Test
    void actuatorUrlsAndCredentialsCanBeGivenAndHalfACredentialIsRefused() {
        BenchSettings settings = BenchSettings.from(Map.of("BENCH_ACTUATOR_URLS",
                "producer-service=http://a:1, order-processing-consumer=http://b:2",
                "BENCH_ACTUATOR_USERNAME", "ops", "BENCH_ACTUATOR_PASSWORD", "pw"), ROOT);

        assertThat(settings.actuatorUrls()).containsOnlyKeys("producer-service", "order-processing-consumer");
        assertThat(settings.actuatorCredentials()).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("ops"));
        assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_ACTUATOR_USERNAME", "ops"), ROOT))
                .hasMessageContaining("BENCH_ACTUATOR_PASSWORD");
    }

    @Test
    void knobsAreReadAndNonsenseIsRefusedWithTheVariablesName() {
        BenchSettings settings = BenchSettings.from(Map.of("BENCH_RATE", "2000", "BENCH_HOT_STOCK", "500",
                "BENCH_SPREAD_SECONDS", "0"), ROOT);

        assertThat(settings.rate()).isEqualTo(2_000);
        assertThat(settings.backlogMax()).isEqualTo(2_000);
        assertThat(settings.hotStock()).hasValue(500);
        assertThat(settings.spread()).isZero();
        assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_SHOPPERS", "lots"), ROOT))
                .hasMessageContaining("BENCH_SHOPPERS");
        assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_INFLIGHT", "0"), ROOT))
                .hasMessageContaining("BENCH_INFLIGHT");
        assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_RATE", "-5"), ROOT))
                .hasMessageContaining("BENCH_RATE");
    }
}
