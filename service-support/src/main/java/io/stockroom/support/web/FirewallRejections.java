package io.stockroom.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Spring Security's firewall refuses some requests outright (an unknown method such as {@code BREW}, a header or
 * cookie it will not pass on). Its default handler calls {@code sendError(400)}, and the error dispatch that follows
 * meets the same firewall, which refuses it again: the client got a 400 with no body at all. This handler writes the
 * answer itself, in the shape of {@link ErrorResponses}.
 */
public final class FirewallRejections implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        ErrorResponses.write(response, 400, "The request was refused: its method, path or headers are not allowed.",
                request.getRequestURI(), request.getHeader("Accept"));
    }
}
