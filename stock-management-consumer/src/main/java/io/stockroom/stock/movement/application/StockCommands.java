package io.stockroom.stock.movement.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.ledger.application.StockEvents;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import io.stockroom.stock.location.application.Locations;
import io.stockroom.stock.location.domain.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Admin stock changes. Each validates what the ledger cannot know (the item and locations exist), then applies
 * one movement per record through the ledger and returns the events to publish, ending with the command's outcome.
 * Operation ids derive from the command id, so a redelivered command changes nothing twice.
 */
public final class StockCommands {

    private final StockLedger ledger;
    private final Locations locations;
    private final ItemCheck items;

    public StockCommands(StockLedger ledger, Locations locations, ItemCheck items) {
        this.ledger = ledger;
        this.locations = locations;
        this.items = items;
    }

    public List<Record> receive(ReceiveStock command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        Optional<CommandOutcome> invalid = items.check(command.commandId(), MessageType.RECEIVE_STOCK, key, context)
                .or(() -> activeLocation(command.commandId(), MessageType.RECEIVE_STOCK, key, context));
        if (invalid.isPresent()) {
            return List.of(invalid.get());
        }
        Movement movement = Movement.received(command.commandId(), key, command.quantity(),
                context.provenance(command.reference()));
        return finish(ledger.apply(movement), command.commandId(), MessageType.RECEIVE_STOCK,
                "Received " + command.quantity(), context);
    }

    public List<Record> adjust(AdjustStock command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        String note = command.reason().name() + (command.note() == null ? "" : ": " + command.note());
        Movement movement = Movement.adjusted(command.commandId(), key, command.delta(), context.provenance(note));
        return finish(ledger.apply(movement), command.commandId(), MessageType.ADJUST_STOCK,
                "Adjusted by " + command.delta() + " (" + command.reason() + ")", context);
    }

    public List<Record> setCount(SetStockCount command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        if (command.expectedOnHand() == command.newOnHand()) {
            Optional<StockLevel> current = ledger.level(key);
            return List.of(current.isPresent() && current.get().levels().onHand() == command.expectedOnHand()
                    ? CommandOutcome.applied(command.commandId(), MessageType.SET_STOCK_COUNT, key.id(),
                    "Count already " + command.newOnHand(), context.now())
                    : CommandOutcome.rejected(command.commandId(), MessageType.SET_STOCK_COUNT, key.id(),
                    "COUNT_MISMATCH", describeMismatch(current.orElse(null), command.expectedOnHand()),
                    context.now()));
        }
        Movement movement = Movement.countSet(command.commandId(), key, command.expectedOnHand(),
                command.newOnHand(), context.provenance(command.note()));
        return finish(ledger.apply(movement), command.commandId(), MessageType.SET_STOCK_COUNT,
                "Count set to " + command.newOnHand(), context);
    }

    public List<Record> removeRecord(RemoveStockRecord command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        MovementResult result = ledger.removeRecord(command.commandId(), key, context.provenance(null));
        return finish(result, command.commandId(), MessageType.REMOVE_STOCK_RECORD, "Stock record removed", context);
    }

    public List<Record> setThreshold(SetLowStockThreshold command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        return ledger.setLowStockThreshold(key, command.threshold())
                .<List<Record>>map(level -> List.of(
                        StockEvents.changed(level, command.commandId(), MovementKind.THRESHOLD_CHANGED, context.now()),
                        CommandOutcome.applied(command.commandId(), MessageType.SET_LOW_STOCK_THRESHOLD, key.id(),
                                "Low-stock threshold is " + command.threshold(), context.now())))
                .orElseGet(() -> List.of(CommandOutcome.rejected(command.commandId(),
                        MessageType.SET_LOW_STOCK_THRESHOLD, key.id(), "NO_STOCK_RECORD",
                        "There is no stock record for " + key.id(), context.now())));
    }

    /**
     * Debit the source, then credit the destination, under operation ids {@code <commandId>:out} and
     * {@code <commandId>:in}. A crash between the two is finished by the redelivery; a destination that became
     * unusable after the debit gets the units returned to the source instead, so units are never lost.
     */
    public List<Record> transfer(TransferStock command, CommandContext context) {
        StockKey from = new StockKey(command.sku(), command.fromLocation());
        StockKey to = new StockKey(command.sku(), command.toLocation());
        String debitId = command.commandId() + ":out";
        Optional<CommandOutcome> invalid = items.check(command.commandId(), MessageType.TRANSFER_STOCK, to, context)
                .or(() -> knownLocation(command.commandId(), MessageType.TRANSFER_STOCK, from, context))
                .or(() -> activeLocation(command.commandId(), MessageType.TRANSFER_STOCK, to, context));
        if (invalid.isPresent()) {
            return ledger.isApplied(debitId, from) ? reverse(command, from, invalid.get(), context)
                    : List.of(invalid.get());
        }
        MovementResult debit = ledger.apply(Movement.transferredOut(debitId, from, command.quantity(),
                context.provenance("to " + command.toLocation())));
        if (debit instanceof MovementResult.Refused) {
            return finish(debit, command.commandId(), MessageType.TRANSFER_STOCK, "", context);
        }
        MovementResult credit = ledger.apply(Movement.transferredIn(command.commandId() + ":in", to,
                command.quantity(), context.provenance("from " + command.fromLocation())));
        List<Record> events = new ArrayList<>(StockEvents.of(debit, context.now()));
        events.addAll(finish(credit, command.commandId(), MessageType.TRANSFER_STOCK, "Moved " + command.quantity()
                + " from " + command.fromLocation() + " to " + command.toLocation(), context));
        return events;
    }

    private List<Record> reverse(TransferStock command, StockKey from, CommandOutcome refusal,
                                 CommandContext context) {
        MovementResult reversal = ledger.apply(Movement.transferReversed(command.commandId() + ":reverse", from,
                command.quantity(), context.provenance("transfer refused: " + refusal.reasonCode())));
        List<Record> events = new ArrayList<>(StockEvents.of(reversal, context.now()));
        events.add(refusal);
        return events;
    }

    private List<Record> finish(MovementResult result, String commandId, MessageType type, String appliedDetail,
                                CommandContext context) {
        List<Record> events = new ArrayList<>(StockEvents.of(result, context.now()));
        events.add(switch (result) {
            case MovementResult.Applied applied -> CommandOutcome.applied(commandId, type, applied.movement().key().id(),
                    appliedDetail + describe(applied.after()), context.now());
            case MovementResult.AlreadyApplied duplicate -> CommandOutcome.applied(commandId, type,
                    duplicate.movement().key().id(), appliedDetail + " (already applied)", context.now());
            case MovementResult.Refused refused -> CommandOutcome.rejected(commandId, type,
                    refused.movement().key().id(), refused.refusal().name(), Refusals.explain(refused),
                    context.now());
        });
        return events;
    }

    private static String describe(StockLevel level) {
        if (level == null) {
            return "";
        }
        return ": on hand " + level.levels().onHand() + ", reserved " + level.levels().reserved() + ", available "
                + level.available();
    }

    private static String describeMismatch(StockLevel current, int expected) {
        return current == null ? "There is no stock record"
                : "On hand is " + current.levels().onHand() + ", not " + expected;
    }

    private Optional<CommandOutcome> knownLocation(String commandId, MessageType type, StockKey key,
                                                   CommandContext context) {
        return locations.find(key.location()).isPresent() ? Optional.empty()
                : Optional.of(CommandOutcome.rejected(commandId, type, key.id(), "UNKNOWN_LOCATION",
                "There is no location " + key.location(), context.now()));
    }

    private Optional<CommandOutcome> activeLocation(String commandId, MessageType type, StockKey key,
                                                    CommandContext context) {
        Optional<Location> location = locations.find(key.location());
        if (location.isEmpty()) {
            return knownLocation(commandId, type, key, context);
        }
        return location.get().active() ? Optional.empty()
                : Optional.of(CommandOutcome.rejected(commandId, type, key.id(), "LOCATION_INACTIVE",
                "Location " + key.location() + " is inactive and takes no stock", context.now()));
    }
}
