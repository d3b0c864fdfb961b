package io.stockroom.producer.security;

import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.UserAccount;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Users from the {@code users} collection, looked up by their lower-case name (an exact {@code _id} match). Also
 * stores the new hash when a login upgrades an older one (bcrypt to Argon2id).
 */
final class MongoUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final Accounts accounts;

    MongoUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }

    /**
     * Replaces the hash only if it is still the one just verified, so a password changed meanwhile (or an upgrade by
     * another instance) is never overwritten.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.replacePasswordHash(user.getUsername(), user.getPassword(), newPasswordHash);
        return User.withUserDetails(user).password(newPasswordHash).build();
    }
}
