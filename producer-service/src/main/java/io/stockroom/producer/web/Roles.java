package io.stockroom.producer.web;

import io.stockroom.contracts.Role;
import org.springframework.security.core.Authentication;

/** Role checks the controllers need beyond the URL rules of the security chain. */
public final class Roles {

    private static final String ADMIN_AUTHORITY = "ROLE_" + Role.ADMIN.name();

    private Roles() {
    }

    public static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
    }
}
