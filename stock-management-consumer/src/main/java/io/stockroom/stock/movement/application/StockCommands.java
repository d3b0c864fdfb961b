package io.stockroom.stock.movement.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.StockCommand;
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

    public List<Event> receive(ReceiveStock command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        Optional<CommandOutcome> invalid = items.check(command, key, context)
                .or(() -> activeLocation(command, key, context));
        if (invalid.isPresent()) {
            return List.of(invalid.get());
        }
        Movement movement = Movement.received(command.commandId(), key, command.quantity(),
                context.provenance(command.reference()));
        return finish(ledger.apply(movement), command,
                "Received " + command.quantity(), context);
    }

    public List<Event> adjust(AdjustStock command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        String note = command.reason().name() + (command.note() == null ? "" : ": " + command.note());
        Movement movement = Movement.adjusted(command.commandId(), key, command.delta(), context.provenance(note));
        return finish(ledger.apply(movement), command,
                "Adjusted by " + command.delta() + " (" + command.reason() + ")", context);
    }

    public List<Event> setCount(SetStockCount command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        if (command.expectedOnHand() == command.newOnHand()) {
            Optional<StockLevel> current = ledger.level(key);
            return List.of(current.isPresent() && current.get().levels().onHand() == command.expectedOnHand()
                    ? CommandOutcome.applied(command, "Count already " + command.newOnHand(), context.now())
                    : CommandOutcome.rejected(command, RejectionCode.COUNT_MISMATCH,
                    describeMismatch(current.orElse(null), command.expectedOnHand()), context.now()));
        }
        Movement movement = Movement.countSet(command.commandId(), key, command.expectedOnHand(),
                command.newOnHand(), context.provenance(command.note()));
        return finish(ledger.apply(movement), command,
                "Count set to " + command.newOnHand(), context);
    }

    public List<Event> removeRecord(RemoveStockRecord command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        MovementResult result = ledger.removeRecord(command.commandId(), key, context.provenance(null));
        return finish(result, command, "Stock record removed", context);
    }

    public List<Event> setThreshold(SetLowStockThreshold command, CommandContext context) {
        StockKey key = new StockKey(command.sku(), command.location());
        return ledger.setLowStockThreshold(key, command.threshold())
                .<List<Event>>map(level -> List.of(
                        StockEvents.changed(level, command.commandId(), MovementKind.THRESHOLD_CHANGED, context.now()),
                        CommandOutcome.applied(command, "Low-stock threshold is " + command.threshold(),
                                context.now())))
                .orElseGet(() -> List.of(CommandOutcome.rejected(command, RejectionCode.NO_STOCK_RECORD,
                        "There is no stock record for " + key.id(), context.now())));
    }

    /**
     * Debit the source, then credit the destination, under operation ids {@code <commandId>:out} and
     * {@code <commandId>:in}. A crash between the two is finished by the redelivery; a destination that became
     * unusable after the debit gets the units returned to the source instead, so units are never lost.
     */
    public List<Event> transfer(TransferStock command, CommandContext context) {
        StockKey from = new StockKey(command.sku(), command.fromLocation());
        StockKey to = new StockKey(command.sku(), command.toLocation());
        String debitId = command.commandId() + ":out";
        Optional<CommandOutcome> invalid = items.check(command, to, context)
                .or(() -> knownLocation(command, from, context))
                .or(() -> activeLocation(command, to, context));
        if (invalid.isPresent()) {
            return ledger.isApplied(debitId, from) ? reverse(command, from, invalid.get(), context)
                    : List.of(invalid.get());
        }
        MovementResult debit = ledger.apply(Movement.transferredOut(debitId, from, command.quantity(),
                context.provenance("to " + command.toLocation())));
        if (debit instanceof MovementResult.Refused) {
            return finish(debit, command, "", context);
        }
        MovementResult credit = ledger.apply(Movement.transferredIn(command.commandId() + ":in", to,
                command.quantity(), context.provenance("from " + command.fromLocation())));
        List<Event> events = new ArrayList<>(StockEvents.of(debit, context.now()));
        events.addAll(finish(credit, command, "Moved " + command.quantity()
                + " from " + command.fromLocation() + " to " + command.toLocation(), context));
        return events;
    }

    private List<Event> reverse(TransferStock command, StockKey from, CommandOutcome refusal,
                                 CommandContext context) {
        MovementResult reversal = ledger.apply(Movement.transferReversed(command.commandId() + ":reverse", from,
                command.quantity(), context.provenance("transfer refused: " + refusal.reasonCode().name())));
        List<Event> events = new ArrayList<>(StockEvents.of(reversal, context.now()));
        events.add(refusal);
        return events;
    }

    private List<Event> finish(MovementResult result, StockCommand command, String appliedDetail,
                               CommandContext context) {
        List<Event> events = new ArrayList<>(StockEvents.of(result, context.now()));
        events.add(switch (result) {
            case MovementResult.Applied applied -> CommandOutcome.applied(command,
                    appliedDetail + describe(applied.after()), context.now());
            case MovementResult.AlreadyApplied ignored -> CommandOutcome.applied(command,
                    appliedDetail + " (already applied)", context.now());
            case MovementResult.Refused refused -> CommandOutcome.rejected(command,
                    RejectionCode.valueOf(refused.refusal().name()), Refusals.explain(refused), context.now());
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

    private Optional<CommandOutcome> knownLocation(StockCommand command, StockKey key, CommandContext context) {
        return locations.find(key.location()).isPresent() ? Optional.empty()
                : Optional.of(CommandOutcome.rejected(command, RejectionCode.UNKNOWN_LOCATION,
                "There is no location " + key.location(), context.now()));
    }

    private Optional<CommandOutcome> activeLocation(StockCommand command, StockKey key, CommandContext context) {
        Optional<Location> location = locations.find(key.location());
        if (location.isEmpty()) {
            return knownLocation(command, key, context);
        }
        return location.get().active() ? Optional.empty()
                : Optional.of(CommandOutcome.rejected(command, RejectionCode.LOCATION_INACTIVE,
                "Location " + key.location() + " is inactive and takes no stock", context.now()));
    }
}
