package io.stockroom.producer.common;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.Role;
import io.stockroom.support.messaging.Actor;

import java.util.Set;

/**
 * Who is asking, as the web layer authenticated them: the signed-in user, their roles and the client address (for
 * the audit log and throttling).
 */
public record Requester(String username, Set<Role> roles, String clientAddress) {

    public Requester {
        Require.id("username", username);
        roles = Set.copyOf(roles);
        clientAddress = clientAddress == null ? "unknown" : clientAddress;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** The actor that commands sent on this requester's behalf carry (and are signed for). */
    public Actor actor() {
        return new Actor(username, roles);
    }
}
