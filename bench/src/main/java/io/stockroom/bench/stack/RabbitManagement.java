package io.stockroom.bench.stack;

import io.stockroom.bench.api.ApiFailure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The few RabbitMQ management API calls the benchmark makes: a vhost of its own (for its stack and for PerfTest) with
 * full permissions for its user, deleted afterwards. It never touches a vhost it did not create.
 */
public final class RabbitManagement {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String username;
    private final String password;

    public RabbitManagement(HttpClient http, URI base, String username, String password) {
        this.http = http;
        this.base = base;
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public void createVhost(String vhost) throws InterruptedException {
        expect(send("PUT", "/api/vhosts/" + enc(vhost), null), "creating vhost " + vhost);
        expect(send("PUT", "/api/permissions/" + enc(vhost) + "/" + enc(username),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), "granting " + username + " on " + vhost);
    }

    /** Deletes a vhost this run created; one that is already gone is fine. */
    public void deleteVhost(String vhost) throws InterruptedException {
        int status = send("DELETE", "/api/vhosts/" + enc(vhost), null);
        if (status != 204 && status != 404) {
            throw new ApiFailure("deleting vhost " + vhost + " answered " + status);
        }
    }

    private static void expect(int status, String what) {
        if (status != 201 && status != 204) {
            throw new ApiFailure(what + " through the RabbitMQ management API answered " + status);
        }
    }

    private int send(String method, String path, String json) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new ApiFailure("the RabbitMQ management API at " + base + " did not answer (" + e
                    + "); it needs the rabbitmq_management plugin (.ci/run enables it)", e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
