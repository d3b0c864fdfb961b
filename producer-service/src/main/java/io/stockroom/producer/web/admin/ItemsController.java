package io.stockroom.producer.web.admin;

import io.stockroom.contracts.MessageType;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.StockAlertView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The admin dashboard: the catalogue table (search, filters, sort, pages) and the form that adds an item. */
@Controller("ui.itemsController")
class ItemsController {

    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "INR", "CHF", "JPY");

    private final CatalogueListing listing;
    private final CommandSender sender;
    private final Catalogue catalogue;

    ItemsController(CatalogueListing listing, CommandSender sender, Catalogue catalogue) {
        this.listing = listing;
        this.sender = sender;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin")
    String items(@Valid @ModelAttribute("filter") ItemFilter filter, BindingResult binding, Model model) {
        listing.fill(model, "/admin", filter, binding);
        model.addAttribute("stats", stats());
        if (!model.containsAttribute("newItem")) {
            model.addAttribute("newItem", NewItemForm.empty());
        }
        model.addAttribute("currencies", CURRENCIES);
        return "admin/items";
    }

    private Stats stats() {
        List<StockAlertView> alerts = catalogue.alerts();
        List<LocationView> locations = catalogue.locations();
        return new Stats(catalogue.search(CatalogueQuery.all()).total(),
                alerts.stream().filter(a -> a.level() == Availability.LOW).count(),
                alerts.stream().filter(a -> a.level() == Availability.OUT).count(),
                locations.stream().filter(LocationView::active).count(), locations.size());
    }

    /** The figures above the table; alerts count (item, location) records. */
    public record Stats(long items, long low, long out, long activeLocations, long locations) {
    }

    @PostMapping("/admin/items")
    String add(@Valid @ModelAttribute("newItem") NewItemForm form, BindingResult errors, Model model,
               Authentication authentication, HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            ItemFilter filter = ItemFilter.none();
            model.addAttribute("filter", filter);
            listing.fill(model, "/admin", filter, new BeanPropertyBindingResult(filter, "filter"));
            model.addAttribute("stats", stats());
            model.addAttribute("currencies", CURRENCIES);
            model.addAttribute("flashError", "The item was not added: check the highlighted fields.");
            return "admin/items";
        }
        sender.send(authentication, request, MessageType.CREATE_ITEM, form::toCommand,
                "Add item " + form.sku() + " (" + form.name() + ")", redirect);
        return "redirect:/admin";
    }
}
