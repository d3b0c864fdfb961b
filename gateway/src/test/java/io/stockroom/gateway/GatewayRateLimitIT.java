package io.stockroom.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client budget at the edge: a burst passes, the next request gets 429, the gateway's probes never do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "stockroom.gateway.rate-limit.requests-per-second=1",
        "stockroom.gateway.rate-limit.burst=5",
        "LOG_FORMAT=text"})
class GatewayRateLimitIT {

    private static final StubProducer PRODUCER = new StubProducer("only");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @DynamicPropertySource
    static void producers(DynamicPropertyRegistry registry) {
        registry.add("stockroom.gateway.producer-urls", PRODUCER::url);
    }

    @AfterAll
    static void stopProducer() {
        PRODUCER.close();
    }

    @Test
    void aClientThatSpendsItsBurstIsToldToRetryLaterWhileProbesStillAnswer() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = get("/api/whoami");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && refused == null) {
                refused = response;
            }
        }
        // A burst of 5 (one more may have refilled meanwhile), then refusals.
        assertThat(statuses.subList(0, 5)).allMatch(status -> status == 200 || status == 503);
        assertThat(statuses.subList(6, 8)).containsOnly(429);
        assertThat(refused).isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("X-Correlation-Id")).isPresent();

        for (int i = 0; i < 10; i++) {
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
