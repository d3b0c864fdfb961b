package io.stockroom.producer.command.domain;

import java.time.Instant;

/**
 * One command a user submitted, as the audit log keeps it: who, what, when, from where, and what became of it.
 *
 * @param published true once the broker confirmed the command; a retry of an unpublished action sends it again
 */
public record AdminAction(String commandId, String commandType, String subject, String actor, String clientAddress,
                          Instant requestedAt, ActionStatus status, String reasonCode, String detail,
                          Instant completedAt, boolean published) {

    /** Reason code of an action whose command the broker did not confirm. */
    public static final String NOT_SENT = "NOT_SENT";

    public static AdminAction pending(String commandId, String commandType, String subject, String actor,
                                      String clientAddress, Instant requestedAt) {
        return new AdminAction(commandId, commandType, subject, actor, clientAddress, requestedAt,
                ActionStatus.PENDING, null, null, null, false);
    }
}
