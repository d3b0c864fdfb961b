package io.stockroom.support.web;

import jakarta.servlet.RequestDispatcher;
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
 * log. Answered 400 (413 when too large) in the shape of {@link ErrorResponses}, written here: in an error dispatch
 * (Tomcat refusing a TRACE, say) a {@code sendError} would be ignored and leave an answer without a body.
 */
public final class MultipartProblems implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof MultipartException)) {
            return null;
        }
        boolean tooLarge = exception instanceof MaxUploadSizeExceededException;
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            ErrorResponses.write(response, tooLarge ? 413 : 400, tooLarge ? "The multipart body is too large."
                            : "The multipart body cannot be parsed (no boundary, or cut short).",
                    original instanceof String path ? path : request.getRequestURI(), request.getHeader("Accept"));
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
