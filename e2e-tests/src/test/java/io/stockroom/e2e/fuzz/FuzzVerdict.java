package io.stockroom.e2e.fuzz;

import io.stockroom.support.test.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every answer must be (docs/API.md, "Errors, for every request"):
 * <ul>
 *   <li>an answer: the server may refuse, never hang up without a status;</li>
 *   <li>no 5xx, except 501 and 505, which RFC 9110/9112 prescribe for an unknown transfer coding and HTTP version;</li>
 *   <li>an error on an API path ({@code /api/}, {@code /actuator}, {@code /v3/api-docs}) is
 *       {@code application/problem+json} whose {@code status} is the answer's;</li>
 *   <li>an error on a page is an HTML page when the request accepts {@code text/html}, problem JSON otherwise;
 *       when the fuzz broke the request head, Tomcat may not have read {@code Accept}, so problem JSON is right
 *       for a browser's request too;</li>
 *   <li>no error body carries a stack trace, an exception name or the server's make.</li>
 *   <li>an answer to HEAD has the headers of the error but, rightly, no body.</li>
 * </ul>
 */
public final class FuzzVerdict {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> API_PREFIXES = List.of("/api/", "/actuator", "/v3/api-docs");
    private static final Set<Integer> PRESCRIBED_5XX = Set.of(501, 505);
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "at java.", "at org.", "Apache Tomcat",
            "Whitelabel");

    private FuzzVerdict() {
    }

    /** Empty when the answer keeps the contract, else what is wrong with it. */
    public static Optional<String> check(FuzzCase fuzzCase, RawHttp.Response response) {
        int status = response.status();
        if (status < 0) {
            return Optional.of("no answer: the connection closed without a status line");
        }
        if (status >= 500 && !PRESCRIBED_5XX.contains(status)) {
            return Optional.of("server error " + status);
        }
        if (status < 400) {
            return Optional.empty();
        }
        response = fuzzCase.request().method().equals("HEAD") ? response.withoutBody() : response;
        String text = response.text();
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                return Optional.of("the error body leaks '" + leak.strip() + "'");
            }
        }
        String type = response.contentType().toLowerCase(Locale.ROOT);
        boolean browser = acceptsHtml(fuzzCase.request().header("Accept"));
        if (fuzzCase.headBroken() && browser && type.startsWith("text/html")) {
            // The server may have read another path than the one the case started from ("*", "//host/api/...").
            return Optional.empty();
        }
        if (!isApi(fuzzCase.request().target()) && browser) {
            boolean html = type.startsWith("text/html");
            return html || (fuzzCase.headBroken() && type.startsWith("application/problem+json"))
                    ? problemOrNothing(type, response) : Optional.of("a browser got " + type + " for a page");
        }
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("expected application/problem+json, got '" + type + "'");
        }
        return problemOrNothing(type, response);
    }

    private static Optional<String> problemOrNothing(String type, RawHttp.Response response) {
        if (!type.startsWith("application/problem+json") || response.body().length == 0 && response.headOnly()) {
            return Optional.empty();
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != response.status() || problem.path("title").asString("").isBlank()) {
                return Optional.of("a problem document without the answer's status or a title: " + response.text());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("problem JSON that does not parse: " + response.text());
        }
    }

    /** The same classification as the server's (service-support's ErrorResponses), on the raw target. */
    static boolean isApi(String target) {
        String path = target.replaceAll("/{2,}", "/");
        return API_PREFIXES.stream().anyMatch(path::startsWith);
    }

    static boolean acceptsHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
