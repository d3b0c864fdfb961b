package io.stockroom.producer.account.adapter.in.web;

import io.stockroom.producer.account.AccountConfiguration.RegistrationLimit;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.RegistrationResult;
import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Self-service registration (anonymous, rate limited per client address); admins enable and disable accounts. */
@ApiController("api.accountController")
class AccountController {

    record RegisterRequest(String username, String password) {
    }

    record Registered(String username, List<String> roles) {
    }

    record AccountStatus(Boolean enabled) {
    }

    record AccountStatusView(String username, boolean enabled) {
    }

    private final Accounts accounts;
    private final io.stockroom.producer.common.KeyedRateLimiter limiter;

    AccountController(Accounts accounts, RegistrationLimit limit) {
        this.accounts = accounts;
        this.limiter = limit.limiter();
    }

    @PostMapping("/api/accounts")
    ResponseEntity<Registered> register(@RequestBody RegisterRequest body, HttpServletRequest request) {
        Duration wait = limiter.tryTake(request.getRemoteAddr());
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many registrations from this address", wait);
        }
        return switch (accounts.register(body.username(), body.password())) {
            case RegistrationResult.Registered r -> ResponseEntity.created(URI.create("/api/accounts/" + r.username()))
                    .body(new Registered(r.username(), List.of("USER")));
            case RegistrationResult.UsernameTaken t -> throw new ApiException(HttpStatus.CONFLICT,
                    "The username '" + t.username() + "' is taken");
            case RegistrationResult.InvalidUsername u -> throw new IllegalArgumentException(u.reason());
            case RegistrationResult.InvalidPassword p -> throw new IllegalArgumentException(p.reason());
        };
    }

    /** ADMIN: enables or disables an account; takes effect on every producer instance at once. */
    @PutMapping("/api/accounts/{username}/enabled")
    AccountStatusView setEnabled(@PathVariable String username, @RequestBody AccountStatus body,
                                 Authentication admin) {
        if (body.enabled() == null) {
            throw new IllegalArgumentException("enabled must be true or false");
        }
        if (!body.enabled() && admin.getName().equalsIgnoreCase(username)) {
            throw new ApiException(HttpStatus.CONFLICT, "An admin cannot disable their own account");
        }
        if (!accounts.setEnabled(username, body.enabled())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No account named '" + username + "'");
        }
        return new AccountStatusView(accounts.find(username).orElseThrow().username(), body.enabled());
    }
}
