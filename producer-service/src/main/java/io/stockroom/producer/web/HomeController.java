package io.stockroom.producer.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page depends on who signs in: admins manage the catalogue, shoppers shop. */
@Controller("ui.homeController")
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        return Roles.isAdmin(authentication) ? "redirect:/admin" : "redirect:/shop";
    }
}
