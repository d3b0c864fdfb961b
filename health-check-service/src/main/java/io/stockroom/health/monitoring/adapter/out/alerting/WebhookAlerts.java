package io.stockroom.health.monitoring.adapter.out.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.health.monitoring.application.ServiceHealth;
import io.stockroom.health.monitoring.application.TransitionAlerts;
import io.stockroom.health.monitoring.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * POSTs every transition as JSON to a configured URL (Slack/Alertmanager-style receivers, a pager bridge). Sending
 * happens on its own thread with a bounded queue and a bounded timeout, so a slow or dead receiver never delays
 * polling; failures are logged and counted ({@code stockroom_health_webhook_failures_total}), never retried forever.
 */
public final class WebhookAlerts implements TransitionAlerts, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookAlerts.class);
    private static final int PENDING_MAX = 100;

    private final URI url;
    private final Duration timeout;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(PENDING_MAX), runnable -> new Thread(runnable, "health-webhook"));

    /** @param url the receiver, or null for no webhook (then every transition is ignored here) */
    public WebhookAlerts(URI url, Duration timeout, JsonMapper json, MeterRegistry meters) {
        if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("stockroom.health.webhook-url must be http(s): " + url);
        }
        this.url = url;
        this.timeout = timeout;
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void transitioned(Transition transition, ServiceHealth now) {
        if (url == null) {
            return;
        }
        byte[] body = json.writeValueAsBytes(payload(transition, now));
        try {
            sender.execute(() -> send(transition, body));
        } catch (RejectedExecutionException e) {
            failed(transition, PENDING_MAX + " webhook calls already waiting");
        }
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
            sender.shutdownNow();
        }
    }

    static Map<String, Object> payload(Transition transition, ServiceHealth now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", "stockroom.service.transition");
        payload.put("id", transition.id());
        payload.put("service", transition.service());
        payload.put("from", transition.from().name());
        payload.put("to", transition.to().name());
        payload.put("reason", transition.reason());
        payload.put("at", transition.at().toString());
        payload.put("queue", now.queue());
        payload.put("actuatorUrl", now.actuatorUrl());
        return payload;
    }

    private void send(Transition transition, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                failed(transition, "receiver answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            failed(transition, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(transition, "interrupted");
        }
    }

    private void failed(Transition transition, String why) {
        meters.counter("stockroom.health.webhook.failures").increment();
        log.warn("Webhook alert for {} not delivered to {}: {}", transition.id(), url.getHost(), why);
    }
}
