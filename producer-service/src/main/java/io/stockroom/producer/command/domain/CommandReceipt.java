package io.stockroom.producer.command.domain;

/**
 * The answer to a submitted command: its id (to follow its outcome) and its status now.
 *
 * @param repeated true when this command id had already been submitted and sent; nothing was sent again
 */
public record CommandReceipt(String commandId, ActionStatus status, boolean repeated) {
}
