package io.stockroom.order.application;

import io.stockroom.order.domain.Order;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders in memory with the store's semantics: insert if absent, replace only over the version derived from.
 * {@link #dieAfterWrites} makes the process "die" (throw) after a number of single-document writes (a bulk write
 * counts one per document, as a real unordered bulk can stop part way), to test what a redelivery finds.
 */
final class InMemoryOrders implements OrderStore {

    private final Map<String, Order> stored = new ConcurrentHashMap<>();
    private final WriteBudget budget;

    InMemoryOrders() {
        this(new WriteBudget());
    }

    InMemoryOrders(WriteBudget budget) {
        this.budget = budget;
    }

    /** The write after {@code writes} more throws {@link WriteBudget.ProcessDied} instead of writing. */
    void dieAfterWrites(int writes) {
        budget.dieAfter(writes);
    }

    void revive() {
        budget.revive();
    }

    @Override
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(stored.get(orderId));
    }

    @Override
    public Map<String, Order> findAll(Collection<String> orderIds) {
        Map<String, Order> found = new HashMap<>();
        orderIds.forEach(id -> find(id).ifPresent(order -> found.put(id, order)));
        return found;
    }

    @Override
    public Order createOrGet(Order placed) {
        write();
        Order existing = stored.putIfAbsent(placed.orderId(), placed);
        return existing == null ? placed : existing;
    }

    @Override
    public Set<String> insertNew(List<Order> placed) {
        Set<String> inserted = new LinkedHashSet<>();
        placed.forEach(order -> {
            write();
            if (stored.putIfAbsent(order.orderId(), order) == null) {
                inserted.add(order.orderId());
            }
        });
        return inserted;
    }

    @Override
    public boolean replace(Order updated) {
        write();
        return swap(updated);
    }

    @Override
    public Set<String> replaceAll(List<Order> updated) {
        Set<String> written = new LinkedHashSet<>();
        updated.forEach(order -> {
            write();
            if (swap(order)) {
                written.add(order.orderId());
            }
        });
        return written;
    }

    private boolean swap(Order updated) {
        boolean[] swapped = {false};
        stored.computeIfPresent(updated.orderId(), (id, current) -> {
            swapped[0] = current.version() == updated.version() - 1;
            return swapped[0] ? updated : current;
        });
        return swapped[0];
    }

    private void write() {
        budget.write();
    }
}
