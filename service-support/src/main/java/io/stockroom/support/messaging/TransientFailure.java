package io.stockroom.support.messaging;

/**
 * A failure that says nothing about the message: something it depends on is not there yet or not reachable now.
 * The listener retries it, then requeues it instead of dead-lettering it.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message) {
        super(message);
    }
}
