package io.stockroom.producer.security;

import io.stockroom.producer.account.application.Accounts;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks, on every authenticated request, that the account still exists and is enabled: one exact-{@code _id} read
 * of {@code users}. Neither a UI session (shared by all producer instances) nor the per-instance cache of verified
 * API credentials outlives a disabled account, on any instance: the next request is refused, and a session is ended.
 */
final class AccountStatusFilter extends OncePerRequestFilter {

    /** How the chain answers a refused request (problem JSON for the API, a redirect for the UI). */
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Function<String, Optional<UserAccount>> accounts;
    private final Refusal refusal;

    AccountStatusFilter(Accounts accounts, Refusal refusal) {
        this(accounts::find, refusal);
    }

    AccountStatusFilter(Function<String, Optional<UserAccount>> accounts, Refusal refusal) {
        this.accounts = accounts;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || accounts.apply(authentication.getName()).filter(UserAccount::enabled).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        refusal.refuse(request, response);
    }
}
