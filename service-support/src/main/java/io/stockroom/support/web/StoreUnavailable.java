package io.stockroom.support.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * The store not answering (restarting, failing over, out of reach) is an outage the client can wait out, not a bug:
 * 503 with {@code Retry-After}, in the shape of {@link ErrorResponses}, instead of a 500. A retry with the same
 * Idempotency-Key is safe: nothing is applied twice. Logged as one warning line, not a stack trace per request.
 */
public final class StoreUnavailable implements HandlerExceptionResolver, Ordered {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!isStoreOutage(exception)) {
            return null;
        }
        log.warn("The store did not answer for {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getClass().getSimpleName());
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ErrorResponses.write(response, 503, "The store is not answering right now; try again shortly (with the "
                            + "same Idempotency-Key, an order is never placed twice).",
                    original instanceof String path ? path : request.getRequestURI(), request.getHeader("Accept"));
        } catch (IOException e) {
            // The client is gone: nothing to answer.
        }
        return new ModelAndView();
    }

    static boolean isStoreOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
