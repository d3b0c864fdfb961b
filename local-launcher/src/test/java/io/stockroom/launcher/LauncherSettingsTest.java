package io.stockroom.launcher;

import io.stockroom.launcher.services.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherSettingsTest {

    @Test
    void withoutAnOffsetEveryServiceKeepsItsDocumentedPort() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), new String[0]);

        assertThat(settings.services()).extracting(ServiceSpec::port)
                .containsExactly(8081, 8082, 8083, 8080, 8085);
    }

    @Test
    void aPortOffsetShiftsEveryServiceSoASecondStackCanRunBesideTheFirst() {
        LauncherSettings settings = LauncherSettings.from(Map.of("STOCKROOM_PORT_OFFSET", "1000"), new String[0]);

        assertThat(settings.services()).extracting(ServiceSpec::port)
                .containsExactly(9081, 9082, 9083, 9080, 9085);
        assertThat(settings.services()).filteredOn(spec -> spec.module().equals("producer-service"))
                .singleElement().satisfies(producer -> {
                    assertThat(producer.baseUrl()).isEqualTo("http://127.0.0.1:9080");
                    // The name the health service reads the producer's actuator URL from (its application.properties).
                    assertThat(producer.urlVariable()).isEqualTo("PRODUCER_SERVICE_URL");
                });
    }

    @Test
    void aNegativeOrOversizedPortOffsetIsRefused() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("STOCKROOM_PORT_OFFSET", "-1"), new String[0]))
                .hasMessageContaining("STOCKROOM_PORT_OFFSET");
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("STOCKROOM_PORT_OFFSET", "60000"), new String[0]))
                .hasMessageContaining("STOCKROOM_PORT_OFFSET");
    }
}
