package io.stockroom.producer.command.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.producer.command.domain.ActionStatus;

/** Turns a consumer's outcome into the audit log's APPLIED or REJECTED. */
public final class CommandOutcomes {

    private final AdminActionStore actions;

    public CommandOutcomes(AdminActionStore actions) {
        this.actions = actions;
    }

    /** @return true if an action changed (false for a repeated outcome, or a command not sent by a producer) */
    public boolean apply(CommandOutcome outcome) {
        ActionStatus status = outcome.status() == CommandOutcome.Status.APPLIED
                ? ActionStatus.APPLIED : ActionStatus.REJECTED;
        return actions.complete(outcome.commandId(), status,
                outcome.reasonCode() == null ? null : outcome.reasonCode().name(), outcome.detail(),
                outcome.occurredAt());
    }
}
