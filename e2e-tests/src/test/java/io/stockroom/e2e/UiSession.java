package io.stockroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the web UI, reduced to what matters across instances: its session cookie and the CSRF
 * token of its forms. Each request may go to any base URL (a producer directly, or the gateway); redirects are not
 * followed, so where the UI sends the browser can be asserted.
 */
final class UiSession {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private String sessionId;
    private String csrf;

    /** Signs in through the form at {@code baseUrl}; returns where the login answer sent the browser. */
    String signIn(String baseUrl, String username, String password) {
        HttpResponse<String> page = get(baseUrl, "/login");
        readCsrf(page.body());
        HttpResponse<String> answer = postForm(baseUrl, "/login", "username=" + encode(username) + "&password="
                + encode(password));
        return answer.headers().firstValue("Location").orElse("");
    }

    HttpResponse<String> get(String baseUrl, String path) {
        HttpResponse<String> response = send(request(baseUrl, path).GET());
        if (response.statusCode() == 200) {
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
        }
        return response;
    }

    HttpResponse<String> postForm(String baseUrl, String path, String form) {
        String body = form.isEmpty() ? "_csrf=" + encode(csrf) : form + "&_csrf=" + encode(csrf);
        return send(request(baseUrl, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String sessionId() {
        return sessionId;
    }

    private void readCsrf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        csrf = token.group(1);
    }

    private HttpRequest.Builder request(String baseUrl, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15)).header("Accept", "text/html");
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher session = SESSION_COOKIE.matcher(cookie);
                if (session.find()) {
                    sessionId = session.group(1).isEmpty() ? null : session.group(1);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
