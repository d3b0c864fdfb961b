package io.stockroom.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for what an error looks like, wherever it is written (a filter, the error controller, Tomcat's error
 * valve): RFC 9457 {@code application/problem+json}, never a stack trace or exception text; except that a browser
 * (a request whose {@code Accept} names {@code text/html}) gets an HTML page on a UI path. API paths ({@code /api/},
 * {@code /actuator}, {@code /v3/api-docs}) always get problem JSON, and so does a request whose request line or
 * headers Tomcat could not parse (an over-long or invalid line, a NUL in a header): what it accepts is unknown.
 */
public final class ErrorResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> API_PREFIXES = List.of("/api/", "/actuator", "/v3/api-docs");
    private static final int INSTANCE_CHARS_MAX = 200;

    private ErrorResponses() {
    }

    /** True when the error should be an HTML page: a UI path, asked for by a client that accepts HTML. */
    public static boolean wantsHtml(String path, String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            return false;
        }
        if (path == null) {
            return true;
        }
        // "//api//items" is refused by the firewall, but is still meant for the API.
        String collapsed = path.replaceAll("/{2,}", "/");
        for (String prefix : API_PREFIXES) {
            if (collapsed.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the error in the form {@link #wantsHtml} picks. A response already committed (Tomcat may have answered
     * a body it could not read) is left as it is: its status line is on the wire.
     */
    public static void write(HttpServletResponse response, int status, String detail, String path, String accept)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        boolean html = wantsHtml(path, accept);
        byte[] body = (html ? html(status, detail) : problemJson(status, detail, path))
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(html ? "text/html;charset=UTF-8" : PROBLEM_JSON + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** A general explanation per status, for errors raised where no more specific text is known. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (request line, path, headers, query or encoding) and was refused.";
            case 401 -> "Authentication is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Nothing is found at this address.";
            case 405 -> "This method is not supported here.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request address is too long.";
            case 415 -> "This content type is not supported here.";
            case 431 -> "The request headers are too large.";
            case 501 -> "The request uses an HTTP feature this server does not implement.";
            case 505 -> "This HTTP version is not supported; use HTTP/1.1.";
            default -> status >= 500 ? "The server could not handle the request." : title(status) + ".";
        };
    }

    public static String problemJson(int status, String detail, String instance) {
        StringBuilder json = new StringBuilder(256).append("{\"type\":\"about:blank\",\"title\":");
        quote(json, title(status)).append(",\"status\":").append(status).append(",\"detail\":");
        quote(json, detail == null || detail.isBlank() ? defaultDetail(status) : detail);
        if (instance != null && !instance.isEmpty()) {
            json.append(",\"instance\":");
            quote(json, instance.length() > INSTANCE_CHARS_MAX ? instance.substring(0, INSTANCE_CHARS_MAX) : instance);
        }
        return json.append('}').toString();
    }

    /** A plain page without scripts or styles (it passes any CSP); texts are escaped. */
    public static String html(int status, String detail) {
        String title = escapeHtml(status + " " + title(status));
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1><p>"
                + escapeHtml(detail == null || detail.isBlank() ? defaultDetail(status) : detail)
                + "</p><p><a href=\"/\">Go to the start page</a></p></main></body></html>";
    }

    /** JSON string with everything outside printable ASCII escaped, so no input byte can break the document. */
    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private static String escapeHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c < 0x20 ? ' ' : c);
            }
        }
        return html.toString();
    }
}
