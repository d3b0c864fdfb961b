package io.stockroom.health;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The health service's HTTP API as a test (or a script) sees it: real requests, optional HTTP Basic. */
final class HealthApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final String authorization;

    HealthApi(int port, String username, String password) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) {
        return get(path, authorization);
    }

    HttpResponse<String> get(String path, String authorizationHeader) {
        return get(path, authorizationHeader, "*/*");
    }

    /** As a browser asks: {@code Accept: text/html,...}. */
    HttpResponse<String> getPage(String path) {
        return get(path, authorization, "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private HttpResponse<String> get(String path, String authorizationHeader, String accept) {
        // Generous: the first page render (template compiled, viewer password hashed) took over 5 s once on the
        // shared 2-core machine under a load average of 15; latency is not what these tests measure.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", accept).GET();
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code health} event of the live stream, read within {@code atMost}. */
    JsonNode firstStreamEvent(Duration atMost) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/health/stream"))
                .header("Authorization", authorization).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        // The stream closes first (ending the read), then the reader thread's executor.
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
             Stream<String> lines = response.body()) {
            Future<String> data = reader.submit(() -> lines.dropWhile(line -> !line.equals("event:health"))
                    .skip(1).findFirst().orElseThrow());
            String line = data.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return json.readTree(line.substring("data:".length()));
        }
    }

    JsonNode overview() {
        HttpResponse<String> response = get("/api/health");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/health answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    JsonNode json(String path) {
        return json.readTree(get(path).body());
    }

    Optional<JsonNode> service(String name) {
        return StreamSupport.stream(overview().path("services").spliterator(), false)
                .filter(node -> name.equals(node.path("name").asString())).findFirst();
    }

    String state(String name) {
        return service(name).map(node -> node.path("state").asString()).orElse("MISSING");
    }
}
