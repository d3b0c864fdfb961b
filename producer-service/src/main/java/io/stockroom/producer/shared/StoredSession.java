package io.stockroom.producer.shared;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session as {@link MongoSessionRepository} loads and saves it: the values, which attributes this request touched,
 * and the bytes each attribute had when it was loaded. Reading an attribute counts as touching it, because callers
 * change values in place (the shop's cart is read, then changed, never set again); a touched attribute is written
 * back only when its bytes differ from the loaded ones. Without that last check, a long request that merely read
 * the cart (an order page's live stream) would, when it ends, write back the cart as it was when it began, over the
 * order placed meanwhile, and the next order would reuse the placed one's idempotency key.
 */
public final class StoredSession implements Session {

    private final MapSession delegate;
    private final Set<String> touched = new LinkedHashSet<>();
    /** Attribute name to its serialized form as last loaded or saved. */
    private final Map<String, byte[]> stored;
    private String originalId;
    private boolean isNew;

    StoredSession(MapSession delegate, boolean isNew) {
        this(delegate, isNew, Map.of());
    }

    StoredSession(MapSession delegate, boolean isNew, Map<String, byte[]> stored) {
        this.delegate = delegate;
        this.isNew = isNew;
        this.originalId = delegate.getId();
        this.stored = new HashMap<>(stored);
    }

    /** Whether {@code serialized} (null: removed) differs from what the store held for {@code name} at load. */
    boolean changed(String name, byte[] serialized) {
        byte[] before = stored.get(name);
        return serialized == null ? before != null : !Arrays.equals(before, serialized);
    }

    void stored(String name, byte[] serialized) {
        if (serialized == null) {
            stored.remove(name);
        } else {
            stored.put(name, serialized);
        }
    }

    boolean isNew() {
        return isNew;
    }

    boolean idChanged() {
        return !originalId.equals(delegate.getId());
    }

    String originalId() {
        return originalId;
    }

    Set<String> touched() {
        return touched;
    }

    void saved() {
        isNew = false;
        originalId = delegate.getId();
        touched.clear();
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public String changeSessionId() {
        return delegate.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
        T value = delegate.getAttribute(name);
        if (value != null) {
            touched.add(name);
        }
        return value;
    }

    @Override
    public Set<String> getAttributeNames() {
        return delegate.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
        delegate.setAttribute(name, value);
        touched.add(name);
    }

    @Override
    public void removeAttribute(String name) {
        delegate.removeAttribute(name);
        touched.add(name);
    }

    @Override
    public Instant getCreationTime() {
        return delegate.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        delegate.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return delegate.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return delegate.isExpired();
    }
}
