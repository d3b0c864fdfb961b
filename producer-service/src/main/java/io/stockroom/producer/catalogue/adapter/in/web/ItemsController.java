package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The admin dashboard: stock figures, the catalogue table (search, filters, sort, pages, selection with bulk
 * actions) and the page that adds an item.
 */
@Controller("ui.itemsController")
class ItemsController {


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
        model.addAttribute("counts", catalogue.counts());
        List<LocationView> locations = catalogue.locations();
        model.addAttribute("activeLocations", locations.stream().filter(LocationView::active).count());
        model.addAttribute("locationCount", locations.size());
        return "admin/items";
    }

    @GetMapping("/admin/items/new")
    String newItem(Model model) {
        if (!model.containsAttribute("item")) {
            model.addAttribute("item", NewItemForm.empty());
        }
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("currencies", NewItemForm.CURRENCIES);
        model.addAttribute("brands", catalogue.brands());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("editing", false);
        return "admin/item-form";
    }

    @PostMapping("/admin/items")
    String add(@Valid @ModelAttribute("item") NewItemForm form, BindingResult errors, Model model,
               Authentication authentication, HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.getTarget() == null) {
            // Binding failed on a value of the wrong type (lowStockThreshold=abc): no form to show again.
            Flash.error(redirect, "The item was not added: the low-stock level must be a whole number.");
            return "redirect:/admin/items/new";
        }
        if (errors.hasErrors()) {
            model.addAttribute("flashError", "The item was not added: check the highlighted fields.");
            return form(model);
        }
        if (!sender.send(authentication, request, MessageType.CREATE_ITEM, form::toCommand,
                "Add item " + form.sku() + " (" + form.name() + ")", redirect)) {
            // Keep what was typed: show the form again with the reason.
            model.addAttribute("flashError", redirect.getFlashAttributes().get(Flash.ERROR));
            return form(model);
        }
        return "redirect:/admin";
    }
}
