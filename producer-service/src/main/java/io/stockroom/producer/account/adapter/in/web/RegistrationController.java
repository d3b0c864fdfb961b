package io.stockroom.producer.account.adapter.in.web;

import io.stockroom.producer.account.AccountConfiguration.RegistrationLimit;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.Credentials;
import io.stockroom.producer.account.domain.RegistrationResult;
import io.stockroom.producer.common.KeyedRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Duration;

/**
 * Self-service registration of shoppers; a successful registration goes on to the sign-in page. Every submission
 * takes a token from the same per-address limit as {@code POST /api/accounts}, so neither door is open when the
 * other is shut.
 */
@Controller("ui.registrationController")
class RegistrationController {

    private final Accounts accounts;
    private final KeyedRateLimiter limiter;

    RegistrationController(Accounts accounts, RegistrationLimit limit) {
        this.accounts = accounts;
        this.limiter = limit.limiter();
    }

    /** The inputs' bounds on the page are the account rules' own. */
    @ModelAttribute("usernameLengthMax")
    int usernameLengthMax() {
        return Credentials.USERNAME_LENGTH_MAX;
    }

    @ModelAttribute("passwordLengthMax")
    int passwordLengthMax() {
        return Credentials.PASSWORD_LENGTH_MAX;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("registration", RegistrationForm.empty());
        return "register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult errors,
                    HttpServletRequest request, HttpServletResponse response) {
        Duration wait = limiter.tryTake(request.getRemoteAddr());
        if (!wait.isZero()) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            errors.reject("rate-limited", "Too many registrations from your network. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
            return "register";
        }
        if (!errors.hasFieldErrors("password") && !form.passwordsMatch()) {
            errors.rejectValue("confirmPassword", "mismatch", "The two passwords are not the same.");
        }
        if (!errors.hasErrors()) {
            RegistrationResult result = accounts.register(form.username(), form.password());
            switch (result) {
                case RegistrationResult.Registered registered -> {
                    return "redirect:/login?registered&username=" + registered.username();
                }
                case RegistrationResult.UsernameTaken taken ->
                        errors.rejectValue("username", "taken", "That username is taken. Choose another one.");
                case RegistrationResult.InvalidUsername invalid ->
                        errors.rejectValue("username", "invalid", invalid.reason());
                case RegistrationResult.InvalidPassword invalid ->
                        errors.rejectValue("password", "invalid", invalid.reason());
            }
        }
        // Shown again with the messages; password inputs never echo what was typed.
        return "register";
    }
}
