package io.stockroom.producer.web.account;

import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.RegistrationResult;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Self-service registration of shoppers; a successful registration goes on to the sign-in page. */
@Controller("ui.registrationController")
class RegistrationController {

    private final Accounts accounts;

    RegistrationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("registration", RegistrationForm.empty());
        return "register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult errors) {
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
