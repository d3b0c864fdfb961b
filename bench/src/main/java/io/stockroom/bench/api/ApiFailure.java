package io.stockroom.bench.api;

/** The API answered something the benchmark cannot go on from (setup failed, a scrape was refused, ...). */
public final class ApiFailure extends RuntimeException {

    public ApiFailure(String message) {
        super(message);
    }

    public ApiFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
