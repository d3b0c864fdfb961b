package io.stockroom.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses, before anything reads them, a query string that is not valid percent-encoded UTF-8 and parameters Tomcat
 * cannot parse (a query such as {@code =}, a form body that is not valid percent-encoded UTF-8 or cannot be read). Tomcat parses parameters lazily and throws from whichever component asks first (a template reading
 * {@code param.error}, a security filter, data binding), which turned such input into a 500 (issue 12, defect 5).
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isWellFormed(query)) {
            refuse(request, response, 400, "The query string is not valid: every % must start an escape of two hex "
                    + "digits, and the decoded bytes must be UTF-8.");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && isPattern(contentType)) {
            // A pattern such as */* names no media type; Spring refuses to read a body as one by throwing, which an
            // endpoint taking an optional body (the actuator's) turned into a 500 (seen by the fuzz test, seed
            // 8912077676541, GET /actuator/health with Content-Type */*).
            refuse(request, response, 415, "The Content-Type must name one media type, not a pattern such as */*.");
            return;
        }
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && !multipartParses(request, response)) {
            return;
        }
        if (!multipart) {
            // Parses the query string (and a form body) now, before any component asks for a parameter.
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                int status = e.getErrorCode() == 413 ? 413 : 400;
                refuse(request, response, status, status == 413 ? "The form body is too large."
                        : "The query string or form body cannot be parsed.");
                return;
            } catch (IllegalStateException | IllegalArgumentException e) {
                refuse(request, response, 400, "The query string or form body cannot be parsed.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Parses a multipart body now (Spring would, a little later): one without a boundary, or cut short, is refused
     * here with its answer. Failing later, it failed again in the error dispatch and left an answer without a body.
     */
    private static boolean multipartParses(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            request.getParts();
            return true;
        } catch (ServletException | IOException | IllegalStateException | IllegalArgumentException e) {
            boolean tooLarge = causedBySizeLimit(e);
            refuse(request, response, tooLarge ? 413 : 400, tooLarge ? "The multipart body is too large."
                    : "The multipart body cannot be parsed (no boundary, or cut short).");
            return false;
        }
    }

    private static boolean causedBySizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        ErrorResponses.write(response, status, detail, request.getRequestURI(), request.getHeader("Accept"));
    }

    /** True for a Content-Type whose type or subtype is a wildcard (any/any, text/any, application/any+json). */
    static boolean isPattern(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            // Not a pattern: an unparseable type is answered by whichever component reads it (415 or 400).
            return false;
        }
    }

    /** Every {@code %} starts two hex digits, and the bytes they (and any raw octets) make are valid UTF-8. */
    static boolean isWellFormed(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 3);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c < 0x100) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
