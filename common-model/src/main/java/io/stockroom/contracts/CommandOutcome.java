package io.stockroom.contracts;

import java.time.Instant;

/**
 * Event: what became of a command. Every consumer publishes one per command it finishes, so whoever sent it (an
 * admin in the browser, a script polling the API) learns whether the change happened and, if not, why.
 *
 * @param commandId  the command's own id
 * @param commandType the command's {@link MessageType#routingKey()}
 * @param status     APPLIED or REJECTED
 * @param reasonCode for a rejection, why (e.g. {@link RejectionCode#STALE_VERSION}); null otherwise
 * @param detail     a sentence for humans
 * @param subject    what the command was about (a SKU, a location, an order id), for display
 */
public record CommandOutcome(String commandId, String commandType, Status status, RejectionCode reasonCode,
                             String detail, String subject, Instant occurredAt) implements Event {

    public enum Status {
        APPLIED,
        REJECTED
    }

    public CommandOutcome {
        Require.id("commandId", commandId);
        Require.text("commandType", commandType, Require.ID_LENGTH_MAX);
        Require.notNull("status", status);
        if ((status == Status.REJECTED) != (reasonCode != null)) {
            throw new IllegalArgumentException("a rejected outcome has a reasonCode, an applied one none");
        }
        detail = Require.optionalText("detail", detail, Require.TEXT_LENGTH_MAX);
        subject = Require.optionalText("subject", subject, Require.TEXT_LENGTH_MAX);
        Require.notNull("occurredAt", occurredAt);
    }

    public static CommandOutcome applied(Command command, String detail, Instant at) {
        return applied(command.commandId(), MessageType.of(command), command.subject(), detail, at);
    }

    public static CommandOutcome rejected(Command command, RejectionCode reasonCode, String detail, Instant at) {
        return rejected(command.commandId(), MessageType.of(command), command.subject(), reasonCode, detail, at);
    }

    /** The outcome of a command known only by its id and type (the command itself is not at hand). */
    public static CommandOutcome applied(String commandId, MessageType type, String subject, String detail,
                                         Instant at) {
        return new CommandOutcome(commandId, type.routingKey(), Status.APPLIED, null, detail, subject, at);
    }

    /** The outcome of a command known only by its id and type (the command itself is not at hand). */
    public static CommandOutcome rejected(String commandId, MessageType type, String subject,
                                          RejectionCode reasonCode, String detail, Instant at) {
        return new CommandOutcome(commandId, type.routingKey(), Status.REJECTED, reasonCode, detail, subject, at);
    }
}
