package io.stockroom.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The last safety net of the error contract: an error status that something set without writing a body (an
 * actuator endpoint's 404 for an unknown health group, a handler's bare {@code setStatus}) gets the body of
 * {@link ErrorResponses} when the request is done. Errors sent with {@code sendError} are left to the error page,
 * and streams (async requests) to themselves.
 */
public final class ErrorBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        int status = watched.getStatus();
        if (status >= 400 && !watched.touched && !watched.sentError && !request.isAsyncStarted()
                && !response.isCommitted()) {
            ErrorResponses.write(response, status, null, request.getRequestURI(), request.getHeader("Accept"));
        }
    }

    /** Notes whether a body was started or an error was sent. */
    private static final class Watched extends HttpServletResponseWrapper {
        boolean touched;
        boolean sentError;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            touched = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            touched = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int status) throws IOException {
            sentError = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sentError = true;
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            touched = true;
            super.sendRedirect(location);
        }
    }
}
