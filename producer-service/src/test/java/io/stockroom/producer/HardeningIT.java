package io.stockroom.producer;

import io.stockroom.support.test.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Defects found by a black-box probe (issue 12), each pinned by a test that failed before its fix. */
class HardeningIT extends ProducerIntegrationTest {

    private RawHttp raw() {
        return new RawHttp("127.0.0.1", port);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_form_body_with_a_bad_escape_on_put_patch_or_delete_is_refused_by_security_not_a_500() {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            RawHttp.Response anonymous = raw().send(method, "/api/items/X", "name=%zz",
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(anonymous.status()).as(method + " " + anonymous).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");

            RawHttp.Response admin = raw().send(method, "/api/items/X", "name=%zz",
                    "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic(ADMIN, ADMIN_PASSWORD));
            // PUT takes JSON only (415); PATCH is not offered (405); DELETE reads no body (an unknown item: 404).
            assertThat(admin.status()).as(method + " " + admin)
                    .isEqualTo(switch (method) { case "PUT" -> 415; case "PATCH" -> 405; default -> 404; });
            assertThat(admin.contentType()).startsWith("application/problem+json");

            RawHttp.Response page = raw().send(method, "/shop", "name=%zz",
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(page.status()).as(method + " /shop " + page).isBetween(300, 499);
        }
    }

    @Test
    void the_registration_form_shares_the_per_address_limit_of_the_api() throws Exception {
        InetAddress address = ownLoopbackAddress();
        HttpClient client = HttpClient.newBuilder().localAddress(address).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        int apiAttempts = 0;
        int status;
        do {
            status = client.send(HttpRequest.newBuilder(uri("/api/accounts")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"x\",\"password\":\"short\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            apiAttempts++;
        } while (status != 429 && apiAttempts < 100);
        assertThat(status).as("the API limit is reached from this address").isEqualTo(429);

        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(client.send(
                HttpRequest.newBuilder(uri("/register")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        String form = "username=" + name + "&password=long-enough-password&confirmPassword=long-enough-password"
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(uri("/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).as("the form is limited too").isEqualTo(429);
        assertThat(registered.headers().firstValue("Retry-After")).isPresent();
        assertThat(registered.body()).contains("Too many registrations");
        assertThat(accounts.find(name)).as("no account was created").isEmpty();
    }

    @Test
    void a_locked_account_is_refused_even_with_a_password_verified_moments_before() {
        String shopper = shopper();
        assertThat(api().get("/api/items", shopper, PASSWORD).status()).as("verified, and so remembered").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertProblem(api().get("/api/items", shopper, "wrong-password-" + i), 401);
        }

        ApiClient.Response locked = api().get("/api/items", shopper, PASSWORD);

        assertProblem(locked, 429);
        assertThat(locked.header("Retry-After")).isNotNull();
    }

    @Test
    void passwords_of_73_to_128_bytes_register_and_sign_in_through_the_form_and_the_api() throws Exception {
        String longPassword = "ü".repeat(50) + "-tail";  // 55 characters, 105 bytes in UTF-8
        String formUser = "long-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient client = HttpClient.newBuilder().localAddress(ownLoopbackAddress()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(client.send(
                HttpRequest.newBuilder(uri("/register")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + formUser + "&password=" + URLEncoder.encode(longPassword, StandardCharsets.UTF_8)
                + "&confirmPassword=" + URLEncoder.encode(longPassword, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(uri("/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).contains("registered");
        assertThat(api().get("/api/items", formUser, longPassword).status()).isEqualTo(200);
        String apiUser = "long-" + UUID.randomUUID().toString().substring(0, 8);
        String maximal = "\uD83D\uDE00".repeat(64);  // 128 UTF-16 chars, 256 bytes in UTF-8
        ApiClient.Response created = api().postJson("/api/accounts", null, null,
                "{\"username\":\"" + apiUser + "\",\"password\":\"" + maximal + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().get("/api/items", apiUser, maximal).status()).isEqualTo(200);
        assertThat(mongo.getCollection("users").find(new org.bson.Document("_id", apiUser)).first()
                .getString("passwordHash")).startsWith("{argon2}");
    }

    @Test
    void a_bcrypt_hash_still_signs_in_and_is_upgraded_to_argon2id_at_that_login() {
        String name = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode(PASSWORD);
        mongo.getCollection("users").insertOne(new org.bson.Document("_id", name).append("passwordHash", bcrypt)
                .append("roles", List.of("USER")).append("enabled", true).append("createdAt", new java.util.Date()));

        assertThat(api().get("/api/items", name, PASSWORD).status()).isEqualTo(200);

        String upgraded = mongo.getCollection("users").find(new org.bson.Document("_id", name)).first()
                .getString("passwordHash");
        assertThat(upgraded).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(accounts.find(name).orElseThrow().passwordHash()).isEqualTo(upgraded);
    }

    /** Tomcat cannot read the request head (Accept included) of these, so even a browser gets problem JSON. */
    private static final java.util.Set<String> UNPARSEABLE_HEAD = java.util.Set.of("raw backslash", "over-long URL",
            "over-long header", "NUL in a header", "control character in a header", "too many headers",
            "bad header name");

    /** Requests the connector or the container refuses before (or outside) the application's own handlers. */
    private List<RawHttp.Request> malformed(String path) {
        String big = "x".repeat(20_000);
        String[] manyHeaders = new String[2 * 150];
        for (int i = 0; i < 150; i++) {
            manyHeaders[2 * i] = "X-Filler-" + i;
            manyHeaders[2 * i + 1] = "v";
        }
        return List.of(
                RawHttp.Request.of("encoded slash", "GET", path + "/A%2FB"),
                RawHttp.Request.of("encoded backslash", "GET", path + "/A%5CB"),
                RawHttp.Request.of("encoded NUL", "GET", path + "/A%00B"),
                RawHttp.Request.of("raw backslash", "GET", path + "/A\\B"),
                RawHttp.Request.of("invalid UTF-8 in the path", "GET", path + "/%C3%28"),
                RawHttp.Request.of("over-long URL", "GET", path + "?q=" + big),
                RawHttp.Request.of("over-long header", "GET", path, "X-Big", big),
                RawHttp.Request.of("NUL in a header", "GET", path, "X-Nul", "a\0b"),
                RawHttp.Request.of("control character in a header", "GET", path, "X-Bell", "a\u0007b"),
                RawHttp.Request.of("too many headers", "GET", path, manyHeaders),
                RawHttp.Request.of("invalid UTF-8 in the query", "GET", path + "?q=%C3%28"),
                RawHttp.Request.of("bad escape in the query", "GET", path + "?q=%zz"),
                RawHttp.Request.of("bad header name", "GET", path, "X Bad", "v"),
                RawHttp.Request.of("bad Content-Length", "POST", path, "Content-Length", "abc"),
                RawHttp.Request.of("double slashes", "GET", "/" + path + "//x"));
    }

    @Test
    void every_malformed_request_to_the_api_is_answered_with_problem_json() {
        for (RawHttp.Request request : malformed("/api/items")) {
            for (String accept : new String[]{null, "application/json", "text/html"}) {
                RawHttp.Response response = raw().exchange(request.withHeader("Accept", accept));
                assertThat(response.status()).as(request.label() + " " + response).isBetween(400, 499);
                assertMachineReadableProblem(request.label(), response);
            }
        }
    }

    @Test
    void a_malformed_request_to_a_page_is_an_html_page_for_a_browser_and_problem_json_for_anything_else() {
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String page : List.of("/login", "/shop", "/admin/items")) {
            for (RawHttp.Request request : malformed(page)) {
                if (UNPARSEABLE_HEAD.contains(request.label())) {
                    continue;
                }
                RawHttp.Response browser = raw().exchange(request.withHeader("Accept",
                        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
                soft.assertThat(browser.status()).as(page + " " + request.label() + " " + browser).isBetween(400, 499);
                soft.assertThat(browser.contentType()).as(page + " " + request.label() + " " + browser)
                        .startsWith("text/html");
                soft.assertThat(browser.text()).doesNotContain("Exception").doesNotContain("Tomcat")
                        .doesNotContain("\tat ");

                RawHttp.Response script = raw().exchange(request);
                soft.assertThat(script.status()).as(request.label() + " " + script).isBetween(400, 499);
                soft.check(() -> assertMachineReadableProblem(page + " " + request.label(), script));
            }
        }
        soft.assertAll();
    }

    @Test
    void protocol_errors_rfc_9110_reserves_for_5xx_are_problem_json_too() {
        RawHttp.Response version = raw().exchange("GET /api/items HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), null);
        RawHttp.Response coding = raw().send("POST", "/api/items", "{}", "Transfer-Encoding", "gzip");

        assertThat(version.status()).isEqualTo(505);
        assertMachineReadableProblem("HTTP/2.5", version);
        assertThat(coding.status()).isEqualTo(501);
        assertMachineReadableProblem("Transfer-Encoding: gzip", coding);
    }

    /** Found by FuzzIT (e2e-tests): each was a 500 or an error without a body before. */
    @Test
    void what_the_fuzz_test_found_is_answered_with_a_problem() {
        String admin = basic(ADMIN, ADMIN_PASSWORD);
        RawHttp.Response emptyName = raw().send("GET", "/shop?=", (byte[]) null, "Accept", "text/html");
        assertThat(emptyName.status()).as("a query parameter without a name: %s", emptyName).isEqualTo(400);
        assertThat(emptyName.contentType()).startsWith("text/html");
        assertMachineReadableProblem("no name", raw().send("GET", "/api/items?=&a=%00", (byte[]) null,
                "Authorization", admin));

        RawHttp.Response noBoundary = raw().send("POST", "/api/items", "--x\r\n", "Content-Type",
                "multipart/form-data", "Authorization", admin);
        assertThat(noBoundary.status()).as("multipart without a boundary: %s", noBoundary).isEqualTo(400);
        assertMachineReadableProblem("multipart", noBoundary);

        for (String accept : List.of("image/png", "application/xml", "text/plain")) {
            RawHttp.Response unacceptable = raw().send("POST", "/api/orders", "{}", "Content-Type", "application/json",
                    "Accept", accept, "Authorization", admin);
            assertThat(unacceptable.status()).as("Accept %s: %s", accept, unacceptable).isBetween(400, 499);
            assertMachineReadableProblem("Accept " + accept, unacceptable);
        }

        RawHttp.Response multipartGet = raw().send("GET", "/shop", "junk", "Content-Type", "multipart/form-data",
                "Accept", "application/json");
        assertThat(multipartGet.status()).as("%s", multipartGet).isEqualTo(400);
        assertMachineReadableProblem("multipart GET", multipartGet);
        RawHttp.Response trace = raw().send("TRACE", "/admin/import", "--b\r\nno headers\r\n--b--\r\n",
                "Content-Type", "multipart/form-data; boundary=b");
        assertThat(trace.status()).as("a refused TRACE whose error page meets a broken multipart body: %s", trace)
                .isBetween(400, 499);
        assertMachineReadableProblem("TRACE with multipart", trace);
        RawHttp.Response unknownGroup = raw().send("GET", "/actuator/health/readiness.json", (byte[]) null);
        assertThat(unknownGroup.status()).as("%s", unknownGroup).isEqualTo(404);
        assertMachineReadableProblem("an actuator 404 without a body", unknownGroup);

        RawHttp.Response brewPage = raw().send("BREW", "/logout", (byte[]) null, "Accept", "text/html");
        assertThat(brewPage.status()).isEqualTo(400);
        assertThat(brewPage.contentType()).as("the firewall's refusal has a body: %s", brewPage).startsWith("text/html");
        assertMachineReadableProblem("BREW", raw().send("BREW", "/actuator/health", (byte[]) null));
    }

    /** Found by FuzzIT: a number of the wrong type left no form object, and the controller's own checks threw. */
    @Test
    void an_admin_form_with_a_number_of_the_wrong_type_is_shown_again_not_a_500() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Pattern csrfField = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        Matcher login = csrfField.matcher(browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(login.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(postForm("/login", "username=" + ADMIN + "&password="
                + ADMIN_PASSWORD + "&_csrf=" + URLEncoder.encode(login.group(1), StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Matcher page = csrfField.matcher(browser.send(HttpRequest.newBuilder(uri("/admin/locations")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(page.find()).isTrue();
        String token = "&_csrf=" + URLEncoder.encode(page.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> location = browser.send(postForm("/admin/locations",
                "code=WH9&name=Nine&type=MOON&priority=abc" + token), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> adjust = browser.send(postForm("/admin/items/" + sku() + "/adjust",
                "location=WH1&delta=abc&reason=NOPE" + token), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> transfer = browser.send(postForm("/admin/items/" + sku() + "/transfer",
                "from=WH1&to=WH1&quantity=abc" + token), HttpResponse.BodyHandlers.ofString());

        assertThat(location.statusCode()).as(location.body()).isBetween(200, 499);
        assertThat(adjust.statusCode()).as(adjust.body()).isBetween(200, 499);
        assertThat(transfer.statusCode()).as(transfer.body()).isBetween(200, 499);
    }

    private HttpRequest postForm(String path, String form) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static void assertMachineReadableProblem(String label, RawHttp.Response response) {
        assertThat(response.contentType()).as(label + " " + response).startsWith("application/problem+json");
        tools.jackson.databind.JsonNode problem = ApiClient.JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(label).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).as(label).isNotBlank();
        assertThat(response.text()).as(label).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Tomcat");
    }

    @Test
    void anonymous_health_is_only_a_status_and_details_and_metrics_need_the_actuator_account() {
        ApiClient.Response health = api().get("/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().propertyNames()).as("the status and the names of the probe groups")
                .containsExactlyInAnyOrder("status", "groups");
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            ApiClient.Response open = api().get(probe, null, null);
            assertThat(open.status()).as(probe).isEqualTo(200);
            assertThat(open.json().propertyNames()).as(probe).containsExactly("status");
        }
        for (String closed : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
            assertProblem(api().get(closed, null, null), 401);
            assertProblem(api().get(closed, ADMIN, ADMIN_PASSWORD), 401);
            assertProblem(api().get(closed, ACTUATOR, "wrong-" + ACTUATOR_PASSWORD), 401);
        }

        ApiClient.Response details = api().get("/actuator/health", ACTUATOR, ACTUATOR_PASSWORD);
        assertThat(details.json().get("components").has("rabbit")).isTrue();
        assertThat(api().get("/actuator/health/readiness", ACTUATOR, ACTUATOR_PASSWORD).body())
                .contains("readSideStatus");
        assertThat(api().get("/actuator/prometheus", ACTUATOR, ACTUATOR_PASSWORD).body())
                .contains("stockroom_producer_logins_total");
    }

    /** A loopback address of its own (Linux routes all of 127/8 to lo), so per-address limits start fresh. */
    private static InetAddress ownLoopbackAddress() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255),
                (byte) random.nextInt(1, 255)});
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
