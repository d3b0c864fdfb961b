package io.stockroom.support.messaging;

/**
 * A message that can never be processed as it is; it goes straight to the dead-letter queue with this reason and is
 * never retried or requeued.
 */
public class MessageRejectedException extends RuntimeException {

    private final DeadLetterReason reason;

    public MessageRejectedException(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public MessageRejectedException(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
