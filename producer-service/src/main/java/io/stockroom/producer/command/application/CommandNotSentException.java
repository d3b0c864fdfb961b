package io.stockroom.producer.command.application;

/** The broker did not confirm a command, so it was not sent; the caller may retry (HTTP 503). */
public class CommandNotSentException extends RuntimeException {

    public CommandNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
