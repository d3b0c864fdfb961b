package io.stockroom.producer;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import io.stockroom.producer.seed.DevSeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The session chain as a browser meets it (form login, CSRF, fixation, headers), plus live streams and the seed. */
class BrowserSessionIT extends ProducerIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    AdminCommands commands;
    @Autowired
    LiveStreams streams;

    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String... fields) throws Exception {
            StringBuilder form = new StringBuilder();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                form.append(form.isEmpty() ? "" : "&").append(fields[i]).append('=')
                        .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/login").body());
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
            return postForm("/login", "username", username, "password", password, "_csrf", csrf.group(1));
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void pages_need_a_session_and_carry_strict_security_headers() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> admin = browser.get("/admin/items");
        HttpResponse<String> login = browser.get("/login");

        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void a_login_without_the_csrf_token_is_refused() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");

        HttpResponse<String> response = browser.postForm("/login", "username", ADMIN, "password", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void signing_in_replaces_the_session_id_and_a_shopper_cannot_open_admin_pages() throws Exception {
        String shopper = shopper();
        Browser browser = new Browser();
        browser.get("/login");
        String before = browser.session();

        HttpResponse<String> signedIn = browser.login(shopper, PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.session()).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/admin/items").statusCode()).isEqualTo(403);
    }

    @Test
    void repeated_failed_form_logins_show_the_locked_message() throws Exception {
        String shopper = shopper();
        Browser browser = new Browser();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login(shopper, "wrong-" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }

        HttpResponse<String> locked = browser.login(shopper, PASSWORD);

        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
    }

    @Test
    void a_shopper_sees_their_order_status_change_live_and_admins_see_outcomes() throws Exception {
        String shopper = shopper();
        String orderId = api().postJson("/api/orders", shopper, PASSWORD,
                "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}", "Idempotency-Key", "sse-" + UUID.randomUUID())
                .json().get("orderId").asString();
        int open = streams.openStreams();
        CompletableFuture<String> orderEvent = firstEvent("/api/orders/stream", shopper, PASSWORD, "event:order");
        CompletableFuture<String> outcomeEvent = firstEvent("/api/commands/stream", ADMIN, ADMIN_PASSWORD,
                "event:outcome");
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() >= open + 2);

        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper,
                List.of(new AllocatedLine(0, "X1", "WH1", 1)), 1, Instant.now()));
        publishEvent(MessageType.COMMAND_OUTCOME, CommandOutcome.rejected("cmd-sse-test", MessageType.RECEIVE_STOCK,
                "X1@WH1", RejectionCode.UNKNOWN_LOCATION, "no such location", Instant.now()));

        assertThat(orderEvent.get(10, TimeUnit.SECONDS)).contains(orderId).contains("CONFIRMED");
        assertThat(outcomeEvent.get(10, TimeUnit.SECONDS)).contains("cmd-sse-test").contains("UNKNOWN_LOCATION");
    }

    @Test
    void a_page_stream_opened_after_the_order_was_confirmed_starts_with_the_confirmation() throws Exception {
        String shopper = shopper();
        String orderId = api().postJson("/api/orders", shopper, PASSWORD,
                "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}", "Idempotency-Key", "late-" + UUID.randomUUID())
                .json().get("orderId").asString();
        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(orderId, shopper,
                List.of(new AllocatedLine(0, "X1", "WH1", 1)), 1, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/orders/" + orderId, shopper, PASSWORD)
                .json().get("status").asString().equals("CONFIRMED"));
        Browser browser = new Browser();
        browser.login(shopper, PASSWORD);
        String strangerName = shopper();
        String strangersOrder = api().postJson("/api/orders", strangerName, PASSWORD,
                "{\"lines\":[{\"sku\":\"" + sku() + "\",\"quantity\":1}]}", "Idempotency-Key", "own-" + UUID.randomUUID())
                .json().get("orderId").asString();
        Browser stranger = new Browser();
        stranger.login(strangerName, PASSWORD);

        CompletableFuture<String> late = firstEvent(browser.http, "/ui/orders/stream?ids=" + orderId, null, null,
                "event:order");
        assertThat(late.get(10, TimeUnit.SECONDS)).contains(orderId).contains("\"status\":\"CONFIRMED\"")
                .contains("\"version\":1");

        // Another shopper's page asking for this order learns nothing of it, only of their own orders: the
        // stream's events arrive in order, so everything before their own confirmation was checked.
        int open = streams.openStreams();
        CompletableFuture<List<String>> seen = eventsUntil(stranger.http, "/ui/orders/stream?ids=" + orderId + ","
                + strangersOrder, data -> data.contains(strangersOrder) && data.contains("CONFIRMED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() > open);
        publishEvent(MessageType.ORDER_CANCELLED, new OrderCancelled(orderId, shopper, shopper, null, 2, Instant.now()));
        publishEvent(MessageType.ORDER_CONFIRMED, new OrderConfirmed(strangersOrder, strangerName,
                List.of(new AllocatedLine(0, "X1", "WH1", 1)), 1, Instant.now()));
        assertThat(seen.get(10, TimeUnit.SECONDS)).isNotEmpty().noneMatch(data -> data.contains(orderId));
    }

    /** Reads an SSE stream's data lines until one matches {@code last} (included). */
    private CompletableFuture<List<String>> eventsUntil(HttpClient client, String path,
                                                        java.util.function.Predicate<String> last) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            List<String> data = new java.util.ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line);
                        if (last.test(line)) {
                            return data;
                        }
                    }
                }
                return data;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Opens an SSE stream and completes with the data line following the first line equal to {@code marker}. */
    private CompletableFuture<String> firstEvent(String path, String user, String password, String marker) {
        return firstEvent(HttpClient.newHttpClient(), path, user, password, marker);
    }

    private CompletableFuture<String> firstEvent(HttpClient client, String path, String user, String password,
                                                 String marker) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        String line;
                        boolean marked = false;
                        while ((line = lines.readLine()) != null) {
                            if (line.replace(" ", "").equals(marker)) {
                                marked = true;
                            } else if (marked && line.startsWith("data:")) {
                                return line;
                            }
                        }
                        return "";
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void the_dev_seed_sends_its_commands_once() {
        int first = new DevSeed(commands).seed(ADMIN);
        int again = new DevSeed(commands).seed(ADMIN);

        assertThat(first).isGreaterThan(30);
        assertThat(again).isZero();
        assertThat(commands.find("seed-location-WH-MAIN").orElseThrow().actor()).isEqualTo(ADMIN);
    }

    @Test
    void the_openapi_description_lists_the_api() {
        ApiClient.Response docs = api().get("/v3/api-docs", null, null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/orders").contains("/api/items");
    }
}
