package io.stockroom.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is a plausible id, else a new
 * one. The id goes to the producer (request header), back to the client (response header, also on the gateway's own
 * errors) and into the gateway's log lines (MDC {@code correlationId}). W3C trace context travels separately.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Letters, digits and {@code ._:-}, at most 64: enough for UUIDs and ULIDs, too little for log injection. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = correlationIdOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(new HeaderOverridingRequest(request, Map.of(HEADER, id), Set.of()), response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String correlationIdOf(String offered) {
        return offered != null && PLAUSIBLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
