package io.stockroom.support.messaging;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Who asked for a message: a user with roles, or a service (no roles) for the events it publishes. */
public record Actor(String name, Set<Role> roles) {

    public Actor {
        Require.id("actor", name);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor service(String serviceName) {
        return new Actor(serviceName, Set.of());
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Roles as carried in the {@code x-actor-roles} header: sorted, comma-separated. */
    public String rolesHeader() {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException for an unknown role name */
    public static Set<Role> parseRoles(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
