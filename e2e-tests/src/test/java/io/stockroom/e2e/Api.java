package io.stockroom.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A script's view of the producer's JSON API: HTTP Basic as one user, JSON in and out. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final String authorization;

    private Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static Api as(String baseUrl, String username, String password) {
        return new Api(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Api anonymous(String baseUrl) {
        return new Api(baseUrl, null);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose answer is not JSON (e.g. Prometheus text): the body is left in {@code raw()}. */
    Response getText(String path) {
        try {
            HttpResponse<String> response = HTTP.send(request(path).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.nullNode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends an admin command and waits until its outcome is known (applied or rejected). */
    JsonNode command(String path, Object body) {
        Response accepted = post(path, body);
        if (accepted.status() != 202) {
            throw new AssertionError("POST " + path + " answered " + accepted.status() + ": " + accepted.raw().body());
        }
        String commandId = accepted.body().get("commandId").asString();
        return awaitJson("/api/commands/" + commandId, outcome -> !"PENDING".equals(outcome.get("status").asString()));
    }

    JsonNode awaitJson(String path, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path), response -> response.status() == 200 && done.test(response.body())).body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
