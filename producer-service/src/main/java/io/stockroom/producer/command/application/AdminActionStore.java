package io.stockroom.producer.command.application;

import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.command.domain.AdminAction;

import java.time.Instant;
import java.util.Optional;

/** The producer's own audit log of submitted commands ({@code admin_actions}). */
public interface AdminActionStore {

    /** @return false when an action with this command id exists already (it is left unchanged) */
    boolean insert(AdminAction action);

    Optional<AdminAction> find(String commandId);

    void markPublished(String commandId);

    /** Records a send failure; a later retry of the same command id sends it again. */
    void markNotSent(String commandId, String detail, Instant at);

    /** Makes an unsent action pending again before a retry sends it. */
    void markRetrying(String commandId);

    /**
     * Sets the consumer's outcome, unless the action already has one (outcomes can be delivered twice).
     *
     * @return true if the action changed
     */
    boolean complete(String commandId, ActionStatus status, String reasonCode, String detail, Instant at);

    /** Newest first. */
    PageOf<AdminAction> page(int page, int size);

    /** Newest first, of one status and/or one command type (either may be null); the total is capped at 10,000. */
    PageOf<AdminAction> page(ActionStatus status, String commandType, int page, int size);
}
