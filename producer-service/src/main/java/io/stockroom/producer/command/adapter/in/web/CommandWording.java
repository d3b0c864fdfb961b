package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.command.domain.AdminAction;

import java.util.Map;

/**
 * Sentences for people about commands: what an action was ("Receive stock", not {@code stock.receive}) and why one
 * was refused ("Not enough units are available", not {@code INSUFFICIENT_AVAILABLE}). The codes stay in the audit
 * log's details for whoever needs them; the screens lead with the sentence.
 */
public final class CommandWording {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("item.create", "Add item"),
            Map.entry("item.update", "Edit item"),
            Map.entry("item.delete", "Archive item"),
            Map.entry("location.create", "Create location"),
            Map.entry("location.deactivate", "Deactivate location"),
            Map.entry("location.reactivate", "Reactivate location"),
            Map.entry("stock.receive", "Receive stock"),
            Map.entry("stock.adjust", "Adjust stock"),
            Map.entry("stock.set-count", "Set stock count"),
            Map.entry("stock.remove-record", "Remove stock record"),
            Map.entry("stock.transfer", "Transfer stock"),
            Map.entry("stock.set-threshold", "Change low-stock level"),
            Map.entry("stock.audit", "Audit stock"),
            Map.entry("order.place", "Place order"),
            Map.entry("order.cancel", "Cancel order"),
            Map.entry("order.fulfil", "Fulfil order"));

    /** The first sentence of a refusal, by the consumers' reason codes; the consumer's own detail follows it. */
    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("INSUFFICIENT_AVAILABLE", "Not enough units are available for this."),
            Map.entry("INSUFFICIENT_RESERVED", "Fewer units are reserved than this needs."),
            Map.entry("COUNT_MISMATCH", "The count changed since you looked at it: check the current count and "
                    + "try again."),
            Map.entry("NO_STOCK_RECORD", "This item has no stock at that location yet."),
            Map.entry("RECORD_NOT_EMPTY", "Only an empty stock record can be removed."),
            Map.entry("UNKNOWN_SKU", "That item is not in the catalogue."),
            Map.entry("UNKNOWN_LOCATION", "That location does not exist."),
            Map.entry("LOCATION_INACTIVE", "That location is deactivated and takes no stock."),
            Map.entry("LOCATION_EXISTS", "A location with this code exists already."),
            Map.entry("SKU_EXISTS", "An item with this SKU exists already."),
            Map.entry("ITEM_HAS_STOCK", "An item that still holds stock cannot be archived: remove or transfer the "
                    + "units first."),
            Map.entry("STALE_VERSION", "Someone changed this item after you opened it: reload it and make your "
                    + "change again."),
            Map.entry("ORDER_NOT_FOUND", "That order does not exist."),
            Map.entry("INVALID_TRANSITION", "The order is no longer in a state that allows this."),
            Map.entry(AdminAction.NOT_SENT, "The message broker did not take the command, so nothing changed. "
                    + "Try again in a moment."));

    private CommandWording() {
    }

    /** What an action was, as a short phrase; an unknown type is shown as is. */
    public static String action(String commandType) {
        return ACTIONS.getOrDefault(commandType, commandType);
    }

    public static String status(ActionStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case APPLIED -> "Applied";
            case REJECTED -> "Refused";
        };
    }

    /** One or two sentences on what became of a command. */
    public static String message(ActionStatus status, String reasonCode, String detail) {
        return switch (status) {
            case PENDING -> "Waiting for the service to apply it…";
            case APPLIED -> detail == null || detail.isBlank() ? "The change has been applied." : sentence(detail);
            case REJECTED -> {
                String first = reasonCode == null ? "The change was refused."
                        : REFUSALS.getOrDefault(reasonCode, "The change was refused.");
                yield detail == null || detail.isBlank() || AdminAction.NOT_SENT.equals(reasonCode) ? first
                        : first + " " + sentence(detail);
            }
        };
    }

    public static String message(AdminAction action) {
        return message(action.status(), action.reasonCode(), action.detail());
    }

    /** What a browser stream sends about an outcome: sentences, with the code kept only as a data attribute. */
    public record OutcomeView(String commandId, String status, String label, String message, String reasonCode) {

        public static OutcomeView of(CommandOutcome outcome) {
            String code = outcome.reasonCode() == null ? null : outcome.reasonCode().name();
            ActionStatus status = outcome.status() == CommandOutcome.Status.APPLIED
                    ? ActionStatus.APPLIED : ActionStatus.REJECTED;
            return new OutcomeView(outcome.commandId(), status.name(), CommandWording.status(status),
                    CommandWording.message(status, code, outcome.detail()), code);
        }

        public static OutcomeView of(AdminAction action) {
            return new OutcomeView(action.commandId(), action.status().name(), CommandWording.status(action.status()),
                    CommandWording.message(action), action.reasonCode());
        }
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.endsWith(".") || capital.endsWith("!") || capital.endsWith("?") ? capital : capital + ".";
    }
}
