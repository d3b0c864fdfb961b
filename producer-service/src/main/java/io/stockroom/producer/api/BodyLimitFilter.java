package io.stockroom.producer.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Caps API request bodies: a declared length over the ceiling is refused at once (413), and a body without a
 * declared length is cut off with an error as soon as it grows past the ceiling. CSV imports get a larger ceiling.
 * Container-level errors on API paths (unknown path, wrong method) are answered as problem details too.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final long jsonBytesMax;
    private final long csvBytesMax;
    private final ProblemResponses problems;

    public BodyLimitFilter(long jsonBytesMax, long csvBytesMax, ProblemResponses problems) {
        this.jsonBytesMax = jsonBytesMax;
        this.csvBytesMax = csvBytesMax;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith(request.getContextPath() + "/api/imports/")
                ? csvBytesMax : jsonBytesMax;
        if (request.getContentLengthLong() > limit) {
            problems.write(response, 413, "Content Too Large", "The request body exceeds " + limit + " bytes",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), new ProblemOnError(response, problems,
                request.getRequestURI()));
    }

    /**
     * Turns the servlet container's error pages into problem details for API paths: a 404 for an unknown path or a
     * 405 for a wrong method is answered here, instead of falling through to the HTML/JSON error page of the UI.
     */
    private static final class ProblemOnError extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final ProblemResponses problems;
        private final String path;

        ProblemOnError(HttpServletResponse response, ProblemResponses problems, String path) {
            super(response);
            this.problems = problems;
            this.path = path;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            resetBuffer();
            problems.write((HttpServletResponse) getResponse(), status, title,
                    message == null || message.isBlank() ? title : message, path);
            flushBuffer();
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
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

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
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
