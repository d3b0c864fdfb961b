package io.stockroom.bench.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The producer's public JSON API as the benchmark uses it: one HTTP/1.1 client with keep-alive, shared by every
 * virtual thread (the JDK client pools one connection per concurrent request and reuses it).
 */
public final class StockroomApi {

    /** No single call may hang the benchmark; orders under heavy queueing still answer well within this. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One HTTP exchange: status, body and the Retry-After header if any. */
    public record Answer(int status, String body, Optional<Long> retryAfterSeconds) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public StockroomApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** A client for load: HTTP/1.1 (keep-alive), short connect timeout, completions on virtual threads. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    public JsonMapper json() {
        return json;
    }

    /** Sends one request; {@code body} is JSON (or null for none). IO failures are thrown to the caller. */
    public Answer send(String method, String path, Credentials who, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (who != null) {
            request.header("Authorization", who.basicAuthorization());
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Optional<Long> retryAfter = response.headers().firstValue("Retry-After").flatMap(StockroomApi::seconds);
        return new Answer(response.statusCode(), response.body(), retryAfter);
    }

    /** GET {@code path} as JSON; anything but 200 is an {@link ApiFailure} naming the answer. */
    public JsonNode getJson(String path, Credentials who) {
        Answer answer = call("GET", path, who, null);
        if (answer.status() != 200) {
            throw new ApiFailure("GET " + path + " answered " + answer.status() + ": " + abbreviate(answer.body()));
        }
        return json.readTree(answer.body());
    }

    /** Like {@link #send}, with IO failures and interruption turned into {@link ApiFailure}. */
    public Answer call(String method, String path, Credentials who, Object body) {
        try {
            return send(method, path, who, body == null ? null : json.writeValueAsString(body), Map.of());
        } catch (IOException e) {
            throw new ApiFailure(method + " " + base.resolve(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(method + " " + path + " interrupted", e);
        }
    }

    /** Registers a shopper account (role USER); 201 or an {@link ApiFailure} that says why not. */
    public void register(Credentials shopper) {
        Answer answer = call("POST", "/api/accounts", null,
                Map.of("username", shopper.username(), "password", shopper.password()));
        if (answer.status() == 429) {
            throw new ApiFailure("registering " + shopper.username() + " was rate limited (429): raise"
                    + " STOCKROOM_PRODUCER_REGISTRATIONS_PERADDRESSMAX on the target stack, or use fewer shoppers");
        }
        if (answer.status() != 201) {
            throw new ApiFailure("registering " + shopper.username() + " answered " + answer.status() + ": "
                    + abbreviate(answer.body()));
        }
    }

    static Optional<Long> seconds(String header) {
        try {
            return Optional.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
