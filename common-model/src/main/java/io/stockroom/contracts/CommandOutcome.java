package io.stockroom.contracts;

import java.time.Instant;

/**
 * Event: what became of a command. Every consumer publishes one per command it finishes, so whoever sent it (an
 * admin in the browser, a script polling the API) learns whether the change happened and, if not, why.
 *
 * @param commandId  the command's own id
 * @param commandType the command's {@link MessageType#routingKey()}
 * @param status     APPLIED or REJECTED
 * @param reasonCode for a rejection, a stable machine-readable code (e.g. {@code STALE_VERSION}); null otherwise
 * @param detail     a sentence for humans
 * @param subject    what the command was about (a SKU, a location, an order id), for display
 */
public record CommandOutcome(String commandId, String commandType, Status status, String reasonCode, String detail,
                             String subject, Instant occurredAt) {

    public enum Status {
        APPLIED,
        REJECTED
    }

    public CommandOutcome {
        Require.id("commandId", commandId);
        Require.text("commandType", commandType, Require.ID_LENGTH_MAX);
        Require.notNull("status", status);
        if (status == Status.REJECTED) {
            Require.text("reasonCode", reasonCode, Require.ID_LENGTH_MAX);
        }
        detail = Require.optionalText("detail", detail, Require.TEXT_LENGTH_MAX);
        subject = Require.optionalText("subject", subject, Require.TEXT_LENGTH_MAX);
        Require.notNull("occurredAt", occurredAt);
    }

    public static CommandOutcome applied(String commandId, MessageType type, String subject, String detail,
                                         Instant at) {
        return new CommandOutcome(commandId, type.routingKey(), Status.APPLIED, null, detail, subject, at);
    }

    public static CommandOutcome rejected(String commandId, MessageType type, String subject, String reasonCode,
                                          String detail, Instant at) {
        return new CommandOutcome(commandId, type.routingKey(), Status.REJECTED, reasonCode, detail, subject, at);
    }
}
