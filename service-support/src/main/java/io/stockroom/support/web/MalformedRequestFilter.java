package io.stockroom.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses, before anything reads them, a query string that is not valid percent-encoded UTF-8 and a form body Tomcat
 * cannot parse. Tomcat parses parameters lazily and throws from whichever component asks first (a template reading
 * {@code param.error}, a security filter, data binding), which turned such input into a 500 (issue 12, defect 5).
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

    private static final String FORM = "application/x-www-form-urlencoded";

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
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                int status = e.getErrorCode() == 413 ? 413 : 400;
                refuse(request, response, status, status == 413 ? "The form body is too large."
                        : "The form body is not valid percent-encoded UTF-8.");
                return;
            } catch (IllegalStateException | IllegalArgumentException e) {
                refuse(request, response, 400, "The form body is not valid percent-encoded UTF-8.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        ErrorResponses.write(response, status, detail, request.getRequestURI(), request.getHeader("Accept"));
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
