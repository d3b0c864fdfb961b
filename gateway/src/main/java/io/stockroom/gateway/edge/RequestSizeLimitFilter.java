package io.stockroom.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One ceiling on every request body, whatever the route: a declared {@code Content-Length} above it is refused at
 * once (413); a chunked body is counted while it streams to the producer and cut off when it passes the ceiling (the
 * route answers 413). The producers enforce tighter limits per endpoint; this keeps oversized uploads off them.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long bytesMax;
    private final Problems problems;

    public RequestSizeLimitFilter(long bytesMax, Problems problems) {
        if (bytesMax <= 0) {
            throw new IllegalArgumentException("bytesMax must be positive");
        }
        this.bytesMax = bytesMax;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > bytesMax) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than "
                    + bytesMax + " bytes.", request.getRequestURI());
            return;
        }
        chain.doFilter(new CountingRequest(request, bytesMax), response);
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long bytesMax;
        private ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long bytesMax) {
            super(request);
            this.bytesMax = bytesMax;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingInputStream(super.getInputStream(), bytesMax);
            }
            return counted;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long bytesMax;
        private long bytesRead;

        CountingInputStream(ServletInputStream delegate, long bytesMax) {
            this.delegate = delegate;
            this.bytesMax = bytesMax;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            bytesRead += n;
            if (bytesRead > bytesMax) {
                throw new RequestTooLargeException(bytesMax);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
