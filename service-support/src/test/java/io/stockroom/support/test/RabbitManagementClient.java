package io.stockroom.support.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few RabbitMQ management API calls the tests need: create and delete an isolated vhost. */
public final class RabbitManagementClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final String authorization;
    private final String username;

    public RabbitManagementClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the management API answers (e.g. {@code http://127.0.0.1:15672}, or a container's mapped port). */
    public String baseUrl() {
        return baseUrl;
    }

    public boolean isAvailable() {
        try {
            return send("GET", "/api/overview", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public void createVhost(String vhost) throws IOException {
        expect(send("PUT", "/api/vhosts/" + encode(vhost), "{}"), "create vhost " + vhost);
        expect(send("PUT", "/api/permissions/" + encode(vhost) + "/" + encode(username),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), "grant " + username + " on " + vhost);
    }

    public void deleteVhost(String vhost) throws IOException {
        send("DELETE", "/api/vhosts/" + encode(vhost), null);
    }

    /** Raw GET of an API path, for tests that look at queues and consumers. */
    public String get(String path) throws IOException {
        HttpResponse<String> response = send("GET", path, null);
        expect(response, "GET " + path);
        return response.body();
    }

    public String listVhosts() throws IOException {
        return get("/api/vhosts?columns=name");
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
