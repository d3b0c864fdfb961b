package io.stockroom.e2e.fuzz;

import io.stockroom.e2e.fuzz.Endpoints.Access;
import io.stockroom.e2e.fuzz.Endpoints.Endpoint;
import io.stockroom.e2e.fuzz.FuzzCase.Client;
import io.stockroom.support.test.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

import static io.stockroom.e2e.fuzz.FuzzValues.chance;
import static io.stockroom.e2e.fuzz.FuzzValues.pick;

/**
 * Generates the fuzz cases. Case {@code i} depends only on the seed and {@code i}, so a run can be repeated (the
 * order requests are sent in, and so the throttles' state, may differ). About one in eight cases breaks the protocol
 * itself ({@link ProtocolFaults}); the others are documented endpoints with mutated methods, paths, queries,
 * headers, credentials and bodies.
 */
public final class FuzzRequests {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "TRACE", "BREW", "get", "PROPFIND");

    private final long seed;
    private final Credentials credentials;

    public FuzzRequests(long seed, Credentials credentials) {
        this.seed = seed;
        this.credentials = credentials;
    }

    public FuzzCase generate(int index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        Endpoint endpoint = pick(random, Endpoints.ALL);
        Auth auth = auth(endpoint, random);
        String method = chance(random, 80) ? endpoint.method() : pick(random, METHODS);
        if (endpoint.stream() && auth.valid() && (method.equals("GET") || method.equals("HEAD"))) {
            method = "POST"; // a valid GET (or HEAD) would open a live stream that never ends
        }
        Path path = path(endpoint, random);
        List<String> headers = new ArrayList<>(auth.headers());
        String csrf = auth.session() == null ? null : auth.session().csrfToken();
        byte[] body = FuzzBodies.body(endpoint.body(), random, csrf);
        headers(endpoint, random, headers, body);
        RawHttp.Request request = new RawHttp.Request(auth.label(), method, path.target(), body, headers);
        boolean broken = path.broken();
        // A live stream opened by a lenient parser (a tab after GET is read as a space) would never end.
        if (chance(random, 12) && !(endpoint.stream() && auth.valid())) {
            request = ProtocolFaults.apply(request, random);
            broken = true;
        }
        return new FuzzCase(index, endpoint.toString(), request, auth.client(), broken);
    }

    /** Credentials for one request, and from which client address they come. */
    private record Auth(String label, Client client, List<String> headers, Credentials.UiSession session,
                        boolean valid) {
    }

    private Auth auth(Endpoint endpoint, SplittableRandom random) {
        if (endpoint.registration()) {
            return new Auth("registration", Client.REGISTERING, List.of(), null, false);
        }
        if (!endpoint.api()) {
            return pageAuth(endpoint, random);
        }
        return switch (random.nextInt(8)) {
            case 0, 1 -> new Auth("shopper", Client.TRUSTED,
                    basic(credentials.shopper(), credentials.shopperPassword()), null, true);
            case 2, 3 -> new Auth("admin", Client.TRUSTED, basic(credentials.admin(), credentials.adminPassword()),
                    null, true);
            case 4 -> new Auth("wrong password", Client.FAILING, basic(credentials.victim(),
                    "wrong-" + FuzzValues.alphanumeric(random, 6)), null, false);
            case 5 -> new Auth("junk credentials", Client.FAILING, List.of("Authorization", pick(random, List.of(
                    "Basic !!!not-base64", "Basic " + b64("no-colon"), "Basic " + b64(":"), "Bearer abc.def.ghi",
                    "Basic", "Digest username=x", "Basic " + b64("nobody-" + FuzzValues.alphanumeric(random, 4)
                            + ":password"), "Basic " + "A".repeat(9_000)))), null, false);
            case 6 -> new Auth("stray cookie", Client.TRUSTED, List.of("Cookie",
                    "JSESSIONID=" + credentials.shopperSession().cookie()), null, false);
            default -> new Auth("anonymous", Client.ANONYMOUS, List.of(), null, false);
        };
    }

    private Auth pageAuth(Endpoint endpoint, SplittableRandom random) {
        // Signing out with the shared sessions would end them for every later case.
        boolean logout = endpoint.template().equals("/logout");
        int choice = logout ? 3 + random.nextInt(2) : random.nextInt(5);
        return switch (choice) {
            case 0, 1 -> session("shopper session", credentials.shopperSession());
            case 2 -> session("admin session", endpoint.access() == Access.ADMIN_PAGE || chance(random, 30)
                    ? credentials.adminSession() : credentials.shopperSession());
            case 3 -> new Auth("forged session", Client.ANONYMOUS, List.of("Cookie", "JSESSIONID="
                    + FuzzValues.alphanumeric(random, 32).toUpperCase()), null, false);
            default -> new Auth("anonymous", Client.ANONYMOUS, List.of(), null, false);
        };
    }

    private static Auth session(String label, Credentials.UiSession session) {
        return new Auth(label, Client.TRUSTED, List.of("Cookie", "JSESSIONID=" + session.cookie()), session, true);
    }

    private static List<String> basic(String user, String password) {
        return List.of("Authorization", "Basic " + b64(user + ":" + password));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The request target, and whether it breaks the request line (raw bytes only a socket sends). */
    private record Path(String target, boolean broken) {
    }

    private static Path path(Endpoint endpoint, SplittableRandom random) {
        String template = endpoint.template();
        boolean broken = false;
        String[] variables = {"{sku}", "{location}", "{code}", "{orderId}", "{commandId}"};
        for (String variable : variables) {
            while (template.contains(variable)) {
                String value;
                if (chance(random, 60)) {
                    value = switch (variable) {
                        case "{sku}" -> FuzzValues.sku(random);
                        case "{location}", "{code}" -> FuzzValues.location(random);
                        case "{orderId}" -> "ord-" + FuzzValues.uuid(random);
                        default -> FuzzValues.uuid(random);
                    };
                } else if (chance(random, 85)) {
                    value = pick(random, FuzzValues.HOSTILE_SEGMENTS);
                } else {
                    value = pick(random, FuzzValues.RAW_SEGMENTS);
                    broken = true;
                }
                template = template.replaceFirst(java.util.regex.Pattern.quote(variable),
                        java.util.regex.Matcher.quoteReplacement(value));
            }
        }
        if (chance(random, 10)) {
            template = template + pick(random, List.of("/", "//", "/extra", "/..", "/%2e", ";x=1", ".json", "%20"));
        }
        if (chance(random, 35)) {
            int parts = random.nextInt(1, 4);
            StringBuilder query = new StringBuilder();
            for (int i = 0; i < parts; i++) {
                query.append(i == 0 ? "?" : "&").append(pick(random, FuzzValues.QUERY_PARTS));
            }
            template = template + query;
        }
        return new Path(template, broken);
    }

    private static void headers(Endpoint endpoint, SplittableRandom random, List<String> headers, byte[] body) {
        if (chance(random, 80)) {
            headers.add("Accept");
            headers.add(pick(random, FuzzValues.ACCEPTS));
        }
        if (body != null || chance(random, 10)) {
            headers.add("Content-Type");
            headers.add(chance(random, 70) ? contentType(endpoint) : pick(random, FuzzValues.CONTENT_TYPES));
        }
        if (endpoint.template().equals("/api/orders") || chance(random, 5)) {
            if (chance(random, 85)) {
                headers.add("Idempotency-Key");
                headers.add(pick(random, List.of("fuzz-" + FuzzValues.alphanumeric(random, 12), "short",
                        "k".repeat(64), "k".repeat(65), "\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc", "../../x",
                        "k".repeat(1_000), " ")));
            }
        }
        int extras = chance(random, 40) ? random.nextInt(1, 4) : 0;
        for (int i = 0; i < extras; i++) {
            String[] header = pick(random, List.of(
                    new String[]{"X-Forwarded-For", "1.2.3.4, <script>"}, new String[]{"Origin", "https://evil.example"},
                    new String[]{"Referer", "javascript:alert(1)"}, new String[]{"Range", "bytes=0-1,5-"},
                    new String[]{"If-None-Match", "\"x\""}, new String[]{"Accept-Language", "xx-YY;q=abc"},
                    new String[]{"Accept-Encoding", "gzip;q=2, br, zstd"}, new String[]{"X-HTTP-Method-Override", "DELETE"},
                    new String[]{"Content-Encoding", "gzip"}, new String[]{"Expect", "100-continue"},
                    new String[]{"X-Correlation-Id", "c".repeat(4_000)}, new String[]{"Forwarded", "for=\"[::1\""},
                    new String[]{"Cookie", "a=b; ; =; JSESSIONID"}, new String[]{"Upgrade", "websocket"}));
            headers.add(header[0]);
            headers.add(header[1]);
        }
    }

    private static String contentType(Endpoint endpoint) {
        return switch (endpoint.body()) {
            case CSV -> "text/csv";
            case FORM -> "application/x-www-form-urlencoded";
            case MULTIPART -> "multipart/form-data; boundary=fuzz";
            default -> "application/json";
        };
    }
}
