package io.stockroom.producer.command.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Command;
import io.stockroom.contracts.MessageType;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.command.domain.AdminAction;
import io.stockroom.producer.command.domain.CommandReceipt;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.messaging.PublishFailedException;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends commands the way every caller (API, UI forms, CSV import, dev seed) must: record the action in the audit log
 * first, then publish it signed and confirmed, then mark it sent. The consumer's outcome later turns the action
 * APPLIED or REJECTED. Callers build the contract record themselves; its constructor validates it.
 */
public final class AdminCommands {

    /** Upper bound on one page of the audit log. */
    public static final int PAGE_SIZE_MAX = 100;

    private final AdminActionStore actions;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    public AdminCommands(AdminActionStore actions, MessagePublisher publisher, Clock clock, MeterRegistry meters) {
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
    }

    /** A fresh command id for a command built by hand. */
    public String newCommandId() {
        return "cmd-" + UUID.randomUUID();
    }

    /**
     * Records and sends a command. Submitting a command id that was already sent sends nothing and answers with the
     * stored status ({@link CommandReceipt#repeated()}); one that was recorded but never confirmed is sent again.
     *
     * @throws CommandNotSentException when the broker did not confirm the command
     */
    public CommandReceipt submit(Requester requester, Command command) {
        MessageType type = MessageType.of(command);
        String commandId = command.commandId();
        AdminAction action = AdminAction.pending(commandId, type.routingKey(), command.subject(),
                requester.username(), requester.clientAddress(), clock.instant());
        if (!actions.insert(action)) {
            AdminAction existing = actions.find(commandId).orElseThrow();
            if (existing.published()) {
                return new CommandReceipt(commandId, existing.status(), true);
            }
            actions.markRetrying(commandId);
        }
        try {
            publisher.publish(command, new PublishContext(commandId, commandId, requester.actor()));
        } catch (PublishFailedException e) {
            actions.markNotSent(commandId, e.getMessage(), clock.instant());
            meters.counter("stockroom.producer.commands.failed", "type", type.routingKey()).increment();
            throw new CommandNotSentException("The command could not be sent: " + e.getMessage(), e);
        }
        actions.markPublished(commandId);
        meters.counter("stockroom.producer.commands.published", "type", type.routingKey()).increment();
        return new CommandReceipt(commandId, ActionStatus.PENDING, false);
    }

    public Optional<AdminAction> find(String commandId) {
        return actions.find(commandId);
    }

    /** The audit log, newest first; {@code size} is capped at {@link #PAGE_SIZE_MAX}. */
    public PageOf<AdminAction> recent(int page, int size) {
        return actions.page(Math.max(page, 0), Math.clamp(size, 1, PAGE_SIZE_MAX));
    }

    /** The audit log narrowed to a status and/or a command type (null: any); {@code size} is capped. */
    public PageOf<AdminAction> recent(ActionStatus status, String commandType, int page, int size) {
        return actions.page(status, commandType, Math.max(page, 0), Math.clamp(size, 1, PAGE_SIZE_MAX));
    }
}
