package io.stockroom.support.messaging;

/**
 * The broker did not take responsibility for a message: no confirm in time, a negative confirm, an unroutable
 * (returned) message, or no connection. The caller must treat the message as not sent.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
