package io.stockroom.producer.web.shop;

import io.stockroom.contracts.item.Money;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.web.Flash;
import io.stockroom.producer.web.Formats;
import io.stockroom.producer.web.admin.CatalogueListing;
import io.stockroom.producer.web.admin.ItemFilter;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop: browse and search the catalogue with live availability, and a cart kept in the session. */
@Controller("ui.shopController")
class ShopController {

    static final String CART = "cart";

    private final CatalogueListing listing;
    private final Catalogue catalogue;

    ShopController(CatalogueListing listing, Catalogue catalogue) {
        this.listing = listing;
        this.catalogue = catalogue;
    }

    @GetMapping("/shop")
    String shop(@Valid @ModelAttribute("filter") ItemFilter filter, BindingResult binding, Model model,
                HttpSession session) {
        listing.fill(model, "/shop", filter, binding);
        model.addAttribute("cart", view(cart(session)));
        return "shop/catalog";
    }

    @PostMapping("/shop/cart")
    String add(@Valid @ModelAttribute("line") CartLineForm form, BindingResult errors, HttpSession session,
               RedirectAttributes redirect) {
        Optional<ItemDetail> item = errors.hasErrors() ? Optional.empty() : catalogue.item(form.sku());
        if (errors.hasErrors()) {
            Flash.error(redirect, "Choose between 1 and 1,000 units.");
        } else if (item.isEmpty()) {
            Flash.error(redirect, "That item is no longer in the catalogue.");
        } else if (!cart(session).add(form.sku(), form.quantity())) {
            Flash.error(redirect, "A cart holds at most " + Cart.LINES_MAX + " different items.");
        } else {
            Flash.ok(redirect, "Added " + form.quantity() + " × " + item.get().details().name() + " to your cart.");
        }
        return "redirect:/shop";
    }

    @PostMapping("/shop/cart/remove")
    String remove(@Valid @ModelAttribute("line") CartRemoveForm form, BindingResult errors, HttpSession session,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            cart(session).remove(form.sku());
            Flash.ok(redirect, "Removed from your cart.");
        }
        return "redirect:/shop";
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

    private CartView view(Cart cart) {
        List<CartView.Line> lines = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        int units = 0;
        for (String sku : cart.skus()) {
            int quantity = cart.unitsOf(sku);
            Optional<ItemDetail> item = catalogue.item(sku);
            String name = item.map(i -> i.details().name()).orElse(sku);
            Money price = item.map(i -> i.details().price()).orElse(null);
            lines.add(new CartView.Line(sku, name, quantity, Formats.money(price)));
            if (price != null) {
                totals.merge(price.currency(), price.amount().multiply(BigDecimal.valueOf(quantity)), BigDecimal::add);
            }
            units += quantity;
        }
        String total = totals.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey())
                .reduce((a, b) -> a + " + " + b).orElse("0");
        return new CartView(lines, units, total, cart.idempotencyKey());
    }

    /** Adds units of an item to the cart. */
    record CartLineForm(@NotBlank @Size(max = 64) String sku,
                        @NotNull @Min(1) @Max(Cart.UNITS_PER_LINE_MAX) Integer quantity) {
    }

    /** Takes an item out of the cart. */
    record CartRemoveForm(@NotBlank @Size(max = 64) String sku) {
    }
}
