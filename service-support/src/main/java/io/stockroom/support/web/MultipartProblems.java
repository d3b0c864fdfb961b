package io.stockroom.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * A multipart body that cannot be parsed (no boundary, cut short) is bad input, not a server error: Spring fails it
 * before any handler is chosen, with an exception no default resolver maps, so it was a 500 with a stack trace in the
 * log. Answered 400 (413 when too large) through {@code /error}, which gives it the shape of {@link ErrorResponses}.
 */
public final class MultipartProblems implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof MultipartException)) {
            return null;
        }
        try {
            response.sendError(exception instanceof MaxUploadSizeExceededException ? 413 : 400);
        } catch (IOException e) {
            // The client is gone: nothing to answer.
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
