package io.stockroom.item.catalog.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.item.catalog.domain.Item;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's rules, over an in-memory store with the same conditional semantics as the MongoDB one. */
class ItemCommandsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final InMemoryItems items = new InMemoryItems();
    private final Map<String, Long> units = new HashMap<>();
    private final ItemCommands commands = new ItemCommands(items, sku -> units.getOrDefault(sku, 0L));

    private static ItemDetails details(String name) {
        return new ItemDetails(name, "Titan", "watches", new Money(new BigDecimal("4999"), "INR"), Map.of(), 2);
    }

    private static CommandOutcome outcome(List<Event> events) {
        return (CommandOutcome) events.getLast();
    }

    @Test
    void a_create_repeated_with_the_same_command_id_announces_the_item_again_without_changing_it() {
        CreateItem create = new CreateItem("c1", "SKU-1", details("Edge"));

        commands.create(create, NOW);
        List<Event> again = commands.create(create, NOW);

        assertThat(outcome(again).status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(again.getFirst()).isInstanceOf(ItemCreated.class);
        assertThat(items.find("SKU-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_different_item_under_an_existing_sku_is_refused() {
        commands.create(new CreateItem("c1", "SKU-1", details("Edge")), NOW);

        CommandOutcome refused = outcome(commands.create(new CreateItem("c2", "SKU-1", details("Raga")), NOW));

        assertThat(refused.reasonCode()).isEqualTo(RejectionCode.SKU_EXISTS);
        assertThat(items.find("SKU-1").orElseThrow().details().name()).isEqualTo("Edge");
    }

    @Test
    void an_update_of_an_unknown_item_or_at_a_stale_version_is_refused_with_the_reason() {
        commands.create(new CreateItem("c1", "SKU-1", details("Edge")), NOW);
        commands.update(new UpdateItem("u1", "SKU-1", 1, details("Edge II")), NOW);

        CommandOutcome stale = outcome(commands.update(new UpdateItem("u2", "SKU-1", 1, details("Edge III")), NOW));
        CommandOutcome unknown = outcome(commands.update(new UpdateItem("u3", "SKU-9", 1, details("X")), NOW));
        CommandOutcome repeated = outcome(commands.update(new UpdateItem("u1", "SKU-1", 1, details("Edge II")), NOW));

        assertThat(stale.reasonCode()).isEqualTo(RejectionCode.STALE_VERSION);
        assertThat(unknown.reasonCode()).isEqualTo(RejectionCode.UNKNOWN_SKU);
        assertThat(repeated.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(items.find("SKU-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void an_item_with_units_anywhere_cannot_be_deleted() {
        commands.create(new CreateItem("c1", "SKU-1", details("Edge")), NOW);
        units.put("SKU-1", 3L);

        CommandOutcome refused = outcome(commands.delete(new DeleteItem("d1", "SKU-1", 1), NOW));
        units.put("SKU-1", 0L);
        CommandOutcome deleted = outcome(commands.delete(new DeleteItem("d2", "SKU-1", 1), NOW));

        assertThat(refused.reasonCode()).isEqualTo(RejectionCode.ITEM_HAS_STOCK);
        assertThat(deleted.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(items.find("SKU-1").orElseThrow().deleted()).isTrue();
    }

    /** Same contract as MongoItems: conditional changes that bump the version and remember the command id. */
    private static final class InMemoryItems implements Items {

        private final Map<String, Item> stored = new HashMap<>();
        private final Map<String, Set<String>> applied = new HashMap<>();

        @Override
        public Optional<Item> find(String sku) {
            return Optional.ofNullable(stored.get(sku));
        }

        @Override
        public boolean applied(String sku, String commandId) {
            return applied.getOrDefault(sku, Set.of()).contains(commandId);
        }

        @Override
        public boolean insert(String sku, ItemDetails details, String commandId) {
            if (stored.containsKey(sku)) {
                return false;
            }
            stored.put(sku, new Item(sku, details, 1, false));
            applied.computeIfAbsent(sku, s -> new HashSet<>()).add(commandId);
            return true;
        }

        @Override
        public Optional<Item> revive(String sku, ItemDetails details, String commandId) {
            Item item = stored.get(sku);
            return item == null || !item.deleted() ? Optional.empty()
                    : Optional.of(save(new Item(sku, details, item.version() + 1, false), commandId));
        }

        @Override
        public Optional<Item> update(String sku, long expectedVersion, ItemDetails details, String commandId) {
            Item item = stored.get(sku);
            return item == null || item.deleted() || item.version() != expectedVersion ? Optional.empty()
                    : Optional.of(save(new Item(sku, details, item.version() + 1, false), commandId));
        }

        @Override
        public Optional<Item> markDeleted(String sku, long expectedVersion, String commandId) {
            Item item = stored.get(sku);
            return item == null || item.deleted() || item.version() != expectedVersion ? Optional.empty()
                    : Optional.of(save(new Item(sku, item.details(), item.version() + 1, true), commandId));
        }

        private Item save(Item item, String commandId) {
            stored.put(item.sku(), item);
            applied.computeIfAbsent(item.sku(), s -> new HashSet<>()).add(commandId);
            return item;
        }
    }
}
