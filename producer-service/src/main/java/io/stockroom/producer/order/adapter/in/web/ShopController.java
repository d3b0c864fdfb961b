package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.producer.catalogue.adapter.in.web.CatalogueListing;
import io.stockroom.producer.catalogue.adapter.in.web.ItemFilter;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.web.Flash;
import io.stockroom.producer.web.Formats;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shop: browse and search the catalogue with live availability, and a cart kept in the session. The cart never
 * holds more of an item than is available: adding or raising beyond it stops at what is there and says so, and a
 * cart that stock left behind offers to order what is available instead.
 */
@Controller("ui.shopController")
class ShopController {

    static final String CART = "cart";

    private final CatalogueListing listing;
    private final Catalogue catalogue;
    private final LinePlanner planner;

    ShopController(CatalogueListing listing, Catalogue catalogue, LinePlanner planner) {
        this.listing = listing;
        this.catalogue = catalogue;
        this.planner = planner;
    }

    @GetMapping("/shop")
    String shop(@Valid @ModelAttribute("filter") ItemFilter filter, BindingResult binding, Model model,
                HttpSession session) {
        listing.fill(model, "/shop", filter, binding);
        model.addAttribute("cart", view(cart(session)));
        return "shop/catalogue";
    }

    @GetMapping("/shop/cart")
    String cartPage(Model model, HttpSession session) {
        model.addAttribute("cart", view(cart(session)));
        return "shop/cart";
    }

    @PostMapping("/shop/cart")
    String add(@Valid @ModelAttribute("line") CartLineForm form, BindingResult errors,
               @RequestParam(defaultValue = "/shop") String back, HttpSession session, RedirectAttributes redirect) {
        Optional<ItemDetail> item = errors.hasErrors() ? Optional.empty() : catalogue.item(form.sku());
        Cart cart = cart(session);
        if (errors.hasErrors()) {
            Flash.error(redirect, "Choose between 1 and 1,000 units.");
        } else if (item.isEmpty()) {
            Flash.error(redirect, "That item is no longer in the catalogue.");
        } else {
            String name = item.get().details().name();
            int available = planner.orderable(form.sku());
            int wanted = cart.unitsOf(form.sku()) + form.quantity();
            if (available <= 0) {
                Flash.error(redirect, name + " is out of stock right now.");
            } else if (!cart.set(form.sku(), Math.min(wanted, available))) {
                Flash.error(redirect, "A cart holds at most " + PlaceOrder.LINES_MAX + " different items.");
            } else if (wanted > available) {
                Flash.error(redirect, "Only " + available + " of " + name + " " + (available == 1 ? "is" : "are")
                        + " available, so your cart now holds " + available + ".");
            } else {
                Flash.ok(redirect, "Added " + form.quantity() + " × " + name + " to your cart.");
            }
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/shop/cart/update")
    String update(@Valid @ModelAttribute("line") CartUpdateForm form, BindingResult errors,
                  @RequestParam(defaultValue = "/shop/cart") String back, HttpSession session,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            Flash.error(redirect, "Choose between 0 and 1,000 units.");
            return "redirect:" + safeBack(back);
        }
        int available = planner.orderable(form.sku());
        String name = catalogue.item(form.sku()).map(i -> i.details().name()).orElse(form.sku());
        cart(session).set(form.sku(), Math.min(form.quantity(), available));
        if (form.quantity() == 0) {
            Flash.ok(redirect, "Removed " + name + " from your cart.");
        } else if (form.quantity() > available) {
            Flash.error(redirect, available == 0 ? name + " is out of stock right now, so it left your cart."
                    : "Only " + available + " of " + name + " " + (available == 1 ? "is" : "are")
                    + " available, so your cart now holds " + available + ".");
        } else {
            Flash.ok(redirect, "Your cart now holds " + form.quantity() + " × " + name + ".");
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/shop/cart/remove")
    String remove(@Valid @ModelAttribute("line") CartRemoveForm form, BindingResult errors,
                  @RequestParam(defaultValue = "/shop") String back, HttpSession session,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            cart(session).remove(form.sku());
            Flash.ok(redirect, "Removed from your cart.");
        }
        return "redirect:" + safeBack(back);
    }

    /** Lowers every line to what is available now (the cart's "order the N available instead"). */
    @PostMapping("/shop/cart/fit")
    String fit(@RequestParam(defaultValue = "/shop/cart") String back, HttpSession session,
               RedirectAttributes redirect) {
        Cart cart = cart(session);
        cart.lines().forEach((sku, units) -> cart.set(sku, Math.min(units, planner.orderable(sku))));
        Flash.ok(redirect, cart.isEmpty() ? "None of those items is available right now."
                : "Your cart now holds what is available. Check it and place your order.");
        return "redirect:" + safeBack(back);
    }

    static Cart cart(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object held = session.getAttribute(CART);
            if (held instanceof Cart cart) {
                return cart;
            }
            Cart cart = new Cart();
            session.setAttribute(CART, cart);
            return cart;
        }
    }

    /** Only a path of the shop: a form cannot send the shopper elsewhere. */
    static String safeBack(String back) {
        return back != null && back.startsWith("/shop") && !back.contains("//") && !back.contains("\\")
                && back.length() <= 500 ? back : "/shop";
    }

    CartView view(Cart cart) {
        List<CartView.Line> lines = new ArrayList<>();
        List<Money> prices = new ArrayList<>();
        Map<String, Integer> fitted = new LinkedHashMap<>();
        int units = 0;
        boolean tooMany = false;
        for (Map.Entry<String, Integer> entry : cart.lines().entrySet()) {
            String sku = entry.getKey();
            int quantity = entry.getValue();
            Optional<ItemDetail> item = catalogue.item(sku);
            int available = planner.orderable(sku);
            Money price = item.map(i -> i.details().price()).orElse(null);
            Money lineTotal = price == null ? null
                    : new Money(price.amount().multiply(BigDecimal.valueOf(quantity)), price.currency());
            String name = item.map(i -> i.details().name()).orElse(sku);
            String problem = item.isEmpty() ? "No longer sold." : available == 0 ? "Out of stock right now."
                    : quantity > available ? "Only " + available + " available." : null;
            tooMany |= problem != null;
            if (Math.min(quantity, available) > 0) {
                fitted.put(sku, Math.min(quantity, available));
            }
            lines.add(new CartView.Line(sku, name, quantity, Formats.money(price), Formats.money(lineTotal),
                    available, problem));
            if (lineTotal != null) {
                prices.add(lineTotal);
            }
            units += quantity;
        }
        int fittedUnits = fitted.values().stream().mapToInt(Integer::intValue).sum();
        String fitLabel = !tooMany || fitted.isEmpty() ? null : "Order the " + fittedUnits + " available instead";
        return new CartView(lines, units, prices.isEmpty() ? "" : Formats.total(prices), cart.idempotencyKey(),
                tooMany, fitLabel);
    }

    /** Adds units of an item to the cart. */
    record CartLineForm(@NotBlank @Size(max = 64) String sku,
                        @NotNull @Min(1) @Max(OrderLine.QUANTITY_MAX) Integer quantity) {
    }

    /** Sets an item's units in the cart (0 takes it out). */
    record CartUpdateForm(@NotBlank @Size(max = 64) String sku,
                          @NotNull @Min(0) @Max(OrderLine.QUANTITY_MAX) Integer quantity) {
    }

    /** Takes an item out of the cart. */
    record CartRemoveForm(@NotBlank @Size(max = 64) String sku) {
    }
}
