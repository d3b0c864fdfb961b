package io.stockroom.producer.security;

import io.stockroom.producer.account.application.AccountStatusCache;
import io.stockroom.producer.account.domain.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks, on every authenticated request, that the account still exists, is enabled and is not locked by too many
 * wrong passwords ({@link AccountStatusCache}: an exact-{@code _id} read of {@code users} at most once a second per
 * account, and at once after the account changes on any instance). Neither a UI session (shared by all producer
 * instances) nor the per-instance cache of verified API credentials outlives a disabled or locked account, on any
 * instance: the next request is refused, and a session is ended.
 */
final class AccountStatusFilter extends OncePerRequestFilter {

    /** How the chain answers a refused request (problem JSON for the API, a redirect for the UI). */
    interface Refusal {
        /** @param lockedFor how long the account stays locked; zero when it is disabled or gone */
        void refuse(HttpServletRequest request, HttpServletResponse response, Duration lockedFor) throws IOException;
    }

    private final Function<String, Optional<UserAccount>> accounts;
    private final Refusal refusal;
    private final Clock clock;

    AccountStatusFilter(AccountStatusCache accounts, Refusal refusal) {
        this(accounts::find, refusal, Clock.systemUTC());
    }

    AccountStatusFilter(Function<String, Optional<UserAccount>> accounts, Refusal refusal, Clock clock) {
        this.accounts = accounts;
        this.refusal = refusal;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Optional<UserAccount> account = accounts.apply(authentication.getName());
        if (account.isPresent() && account.get().enabled() && !account.get().lockedAt(now)) {
            chain.doFilter(request, response);
            return;
        }
        Duration lockedFor = account.filter(UserAccount::enabled).filter(found -> found.lockedAt(now))
                .map(found -> Duration.between(now, found.lockedUntil())).orElse(Duration.ZERO);
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        refusal.refuse(request, response, lockedFor);
    }
}
