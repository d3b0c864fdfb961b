package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.web.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/** The shop's product page: what an item is, its price, how many can be ordered now, and "add to cart". */
@Controller("ui.shopItemController")
class ShopItemController {

    private final Catalogue catalogue;

    ShopItemController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/shop/items/{sku}")
    String item(@PathVariable String sku, Model model) {
        ItemDetail item = catalogue.item(sku).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("item", new ProductView(item.sku(), item.details().name(), item.details().brand(),
                item.details().category(), Formats.money(item.details().price()), item.availability().name(),
                item.available(), item.details().attributes()));
        model.addAttribute("stockVersions", catalogue.stockVersions(java.util.List.of(sku)));
        return "shop/item";
    }

    /** The product as the page shows it. */
    public record ProductView(String sku, String name, String brand, String category, String price,
                              String availability, int available, Map<String, String> attributes) {

        public int maxQuantity() {
            return Math.max(1, Math.min(available, OrderLine.QUANTITY_MAX));
        }
    }
}
