package io.stockroom.item.catalog.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCommand;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.item.catalog.domain.Item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, updates and deletes items. Each method returns the events to publish, ending with the outcome. */
public final class ItemCommands {

    private final Items items;
    private final StockHoldings stock;

    public ItemCommands(Items items, StockHoldings stock) {
        this.items = items;
        this.stock = stock;
    }

    /** A repeat of the same command, or a create with identical details, succeeds; another item under the SKU does not. */
    public List<Event> create(CreateItem command, Instant now) {
        if (items.insert(command.sku(), command.details(), command.commandId())) {
            return created(command, new Item(command.sku(), command.details(), 1, false), now);
        }
        Item existing = items.find(command.sku()).orElseThrow();
        if (existing.deleted()) {
            Optional<Item> revived = items.revive(command.sku(), command.details(), command.commandId());
            return revived.isPresent() ? created(command, revived.get(), now) : create(command, now);
        }
        if (items.applied(command.sku(), command.commandId()) || existing.details().equals(command.details())) {
            return created(command, existing, now);
        }
        return List.of(CommandOutcome.rejected(command, RejectionCode.SKU_EXISTS,
                "SKU " + command.sku() + " already names '" + existing.details().name() + "'", now));
    }

    public List<Event> update(UpdateItem command, Instant now) {
        Optional<Item> updated = items.update(command.sku(), command.expectedVersion(), command.details(),
                command.commandId());
        if (updated.isPresent() || items.applied(command.sku(), command.commandId())) {
            Item item = updated.orElseGet(() -> items.find(command.sku()).orElseThrow());
            return List.of(new ItemUpdated(item.sku(), item.details(), item.version(), now),
                    CommandOutcome.applied(command, "Item " + item.sku() + " is at version " + item.version(), now));
        }
        return List.of(refusal(command, command.expectedVersion(), now));
    }

    /**
     * Refused while any location holds or reserves units (those units would become unsellable orphans). A receipt
     * racing with the delete is caught by stock management, which refuses stock for deleted items.
     */
    public List<Event> delete(DeleteItem command, Instant now) {
        if (items.applied(command.sku(), command.commandId())) {
            Item item = items.find(command.sku()).orElseThrow();
            return List.of(new ItemDeleted(item.sku(), item.version(), now),
                    CommandOutcome.applied(command, "Item deleted", now));
        }
        long units = stock.unitsHeld(command.sku());
        if (units > 0) {
            return List.of(CommandOutcome.rejected(command, RejectionCode.ITEM_HAS_STOCK,
                    units + " units of " + command.sku()
                            + " are still on hand or reserved; remove or transfer them first", now));
        }
        return items.markDeleted(command.sku(), command.expectedVersion(), command.commandId())
                .<List<Event>>map(item -> List.of(new ItemDeleted(item.sku(), item.version(), now),
                        CommandOutcome.applied(command, "Item deleted", now)))
                .orElseGet(() -> List.of(refusal(command, command.expectedVersion(), now)));
    }

    private static List<Event> created(CreateItem command, Item item, Instant now) {
        return List.of(new ItemCreated(item.sku(), item.details(), item.version(), now),
                CommandOutcome.applied(command, "Item " + item.sku() + " is in the catalogue", now));
    }

    private CommandOutcome refusal(ItemCommand command, long expectedVersion, Instant now) {
        String sku = command.subject();
        Optional<Item> current = items.find(sku);
        if (current.isEmpty() || current.get().deleted()) {
            return CommandOutcome.rejected(command, RejectionCode.UNKNOWN_SKU, "There is no item " + sku, now);
        }
        return CommandOutcome.rejected(command, RejectionCode.STALE_VERSION, "Item " + sku + " is at version "
                + current.get().version() + ", not " + expectedVersion + "; reload it and try again", now);
    }
}
