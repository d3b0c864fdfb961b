package io.stockroom.producer.shared;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A session as {@link MongoSessionRepository} loads and saves it: the values, plus which attributes this request
 * touched. Reading an attribute counts as touching it, because callers change values in place (the shop's cart is
 * read, then changed, never set again); only touched attributes are written back.
 */
public final class StoredSession implements Session {

    private final MapSession delegate;
    private final Set<String> touched = new LinkedHashSet<>();
    private String originalId;
    private boolean isNew;

    StoredSession(MapSession delegate, boolean isNew) {
        this.delegate = delegate;
        this.isNew = isNew;
        this.originalId = delegate.getId();
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
