package io.stockroom.producer.api;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/** A 4xx answer decided by an API controller, rendered as a problem detail by {@link ApiProblems}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ApiException(HttpStatus status, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " was not found");
    }

    public HttpStatus status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
