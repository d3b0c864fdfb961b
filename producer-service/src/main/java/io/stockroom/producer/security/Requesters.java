package io.stockroom.producer.security;

import io.stockroom.contracts.Role;
import io.stockroom.producer.common.Requester;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.Set;

/** Turns Spring Security's authentication into the application's {@link Requester}. */
public final class Requesters {

    private static final String ROLE_PREFIX = "ROLE_";

    private Requesters() {
    }

    public static Requester of(Authentication authentication, HttpServletRequest request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name.substring(ROLE_PREFIX.length()))) {
                        roles.add(role);
                    }
                }
            }
        }
        return new Requester(authentication.getName(), roles, request == null ? null : request.getRemoteAddr());
    }
}
