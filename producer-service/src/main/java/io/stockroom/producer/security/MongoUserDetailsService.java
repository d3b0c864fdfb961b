package io.stockroom.producer.security;

import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.UserAccount;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Users from the {@code users} collection, looked up by their lower-case name (an exact {@code _id} match). */
final class MongoUserDetailsService implements UserDetailsService {

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
}
