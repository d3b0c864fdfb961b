package io.stockroom.health.monitoring.adapter.out.http;

import io.stockroom.health.monitoring.application.ActuatorProbe;
import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.MonitoredService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls {@code <actuatorUrl>/actuator/health}. A health document with any HTTP status counts as an answer (actuator
 * answers 503 when a component is DOWN); a refused connection, a timeout or a body that is not a health document
 * counts as no answer. The whole request, connect included, is bounded by {@code timeout}. With the actuator account
 * ({@code authorization}) the document names its components, so a DOWN component can be told from a DOWN service;
 * without it only the status is seen.
 */
public final class HttpActuatorProbe implements ActuatorProbe {

    private static final int BODY_BYTES_MAX = 256 * 1024;
    private static final Set<String> UNHEALTHY = Set.of("DOWN", "OUT_OF_SERVICE");

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final Clock clock;
    private final String authorization;

    /** @param authorization the {@code Authorization} header for the actuators, or null to poll anonymously */
    public HttpActuatorProbe(Duration timeout, JsonMapper json, Clock clock, String authorization) {
        this.authorization = authorization;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ActuatorCheck check(MonitoredService service) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.actuatorUrl()
                    + "/actuator/health")).timeout(timeout).header("Accept", "application/json").GET();
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            HttpRequest request = builder.build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            JsonNode body;
            try (InputStream stream = response.body()) {
                byte[] bytes = stream.readNBytes(BODY_BYTES_MAX + 1);
                if (bytes.length > BODY_BYTES_MAX) {
                    return ActuatorCheck.noAnswer(started, "health document too large", elapsed(startNanos));
                }
                body = json.readTree(bytes);
            }
            JsonNode status = body.path("status");
            if (!status.isString()) {
                return ActuatorCheck.noAnswer(started, "HTTP " + response.statusCode() + " without a health status",
                        elapsed(startNanos));
            }
            return ActuatorCheck.answered(started, status.asString(), unhealthyComponents(body, ""),
                    elapsed(startNanos));
        } catch (HttpTimeoutException e) {
            return ActuatorCheck.noAnswer(started, "no answer within " + timeout.toMillis() + " ms",
                    elapsed(startNanos));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return ActuatorCheck.noAnswer(started, describe(e), elapsed(startNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActuatorCheck.noAnswer(started, "interrupted", elapsed(startNanos));
        }
    }

    /** Names of DOWN or OUT_OF_SERVICE components, nested ones as {@code parent/child}. */
    private static List<String> unhealthyComponents(JsonNode node, String prefix) {
        List<String> unhealthy = new ArrayList<>();
        JsonNode components = node.path("components");
        if (!components.isObject()) {
            return unhealthy;
        }
        for (Map.Entry<String, JsonNode> component : components.properties()) {
            String name = prefix + component.getKey();
            List<String> nested = unhealthyComponents(component.getValue(), name + "/");
            if (!nested.isEmpty()) {
                unhealthy.addAll(nested);
            } else if (UNHEALTHY.contains(component.getValue().path("status").asString(""))) {
                unhealthy.add(name);
            }
        }
        return unhealthy;
    }

    private static long elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
