package io.stockroom.health.monitoring.adapter.out.alerting;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockroom.health.monitoring.application.ServiceHealth;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.Transition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAlertsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer hanging;

    @AfterEach
    void stop() {
        release.countDown();
        if (hanging != null) {
            hanging.stop(0);
        }
    }

    @Test
    void a_receiver_that_hangs_never_delays_the_caller_and_its_failures_are_counted() throws Exception {
        hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        hanging.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.start();
        URI url = URI.create("http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook");

        // A caller that waited for the hanging receiver would be held for at least the timeout; the margin is wide
        // so that a machine busy with other work cannot fail the test.
        Duration timeout = Duration.ofSeconds(3);
        try (WebhookAlerts alerts = new WebhookAlerts(url, timeout, JsonMapper.builder().build(), meters)) {
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                alerts.transitioned(transition(i), health());
            }
            Duration caller = Duration.ofNanos(System.nanoTime() - start);

            assertThat(caller).isLessThan(timeout);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                    meters.counter("stockroom.health.webhook.failures").count() == 3);
        }
    }

    @Test
    void without_a_url_nothing_is_sent_and_nothing_fails() throws Exception {
        try (WebhookAlerts alerts = new WebhookAlerts(null, Duration.ofMillis(300), JsonMapper.builder().build(),
                meters)) {
            alerts.transitioned(transition(0), health());
        }
        assertThat(meters.find("stockroom.health.webhook.failures").counter()).isNull();
    }

    private static Transition transition(int second) {
        return new Transition("svc", ServiceState.UP, ServiceState.DOWN, "no consumer",
                Instant.parse("2026-11-27T10:00:00Z").plusSeconds(second));
    }

    private static ServiceHealth health() {
        return new ServiceHealth("svc", null, "q", ServiceState.DOWN, "no consumer", null, null, null, null, false,
                List.of());
    }
}
