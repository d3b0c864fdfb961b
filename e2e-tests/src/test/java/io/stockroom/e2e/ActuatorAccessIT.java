package io.stockroom.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service, started from its jar: anonymous health is only a status (liveness and readiness stay open for
 * orchestrators); details, metrics and the other endpoints answer only the shared actuator account (issue 12,
 * defect 6: the consumers' actuators, metrics included, needed no authentication at all).
 */
class ActuatorAccessIT {

    private static Stack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.get();
    }

    @Test
    void every_service_shows_anonymous_callers_only_its_status_and_the_actuator_account_everything() {
        for (String module : stack.modules()) {
            String url = stack.service(module).baseUrl();
            Api anonymous = Api.anonymous(url);
            Api account = Api.as(url, stack.actuatorUsername(), stack.actuatorPassword());
            Api admin = Api.as(url, stack.adminUsername(), stack.adminPassword());

            Api.Response health = anonymous.get("/actuator/health");
            assertThat(health.status()).as(module).isEqualTo(200);
            assertThat(health.body().has("components")).as(module + " " + health.body()).isFalse();
            assertThat(health.body().has("details")).as(module).isFalse();
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                assertThat(anonymous.get(probe).status()).as(module + probe).isEqualTo(200);
            }
            for (String closed : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
                Api.Response refused = anonymous.get(closed);
                assertThat(refused.status()).as(module + closed).isEqualTo(401);
                assertThat(refused.header("Content-Type")).as(module + closed).startsWith("application/problem+json");
                assertThat(admin.get(closed).status()).as(module + closed + " as the producer's admin").isEqualTo(401);
            }

            JsonNode details = account.get("/actuator/health").body();
            assertThat(details.path("components").has("rabbit") || details.path("components").has("mongo"))
                    .as(module + " " + details).isTrue();
            Api.Response metrics = account.getText("/actuator/prometheus");
            assertThat(metrics.status()).as(module).isEqualTo(200);
            assertThat(metrics.raw().body()).as(module).contains("jvm_memory_used_bytes");
        }
    }
}
