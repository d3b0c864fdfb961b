package io.stockroom.producer.order.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The cart's unit count for the top bar (a shopper on a phone reaches the cart from every page). */
@ControllerAdvice
class CartModelAdvice {

    @ModelAttribute("cartUnits")
    Integer cartUnits(HttpServletRequest request) {
        // Never create a session for this: a page without one shows an empty cart.
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ShopController.CART) instanceof Cart cart)) {
            return 0;
        }
        return cart.lines().values().stream().mapToInt(Integer::intValue).sum();
    }
}
