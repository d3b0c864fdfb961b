package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Editing and archiving items, one or a selection. Every change names the version the admin saw, so an edit made
 * on a stale page is refused ("someone changed it meanwhile") instead of overwriting a newer change.
 */
@Controller("ui.adminItemEditController")
class AdminItemEditController {

    /** Items one bulk action may touch: a page's worth, with room. */
    static final int BULK_MAX = 100;
    static final int LEVEL_MAX = 1_000_000;

    private final Catalogue catalogue;
    private final CommandSender sender;

    AdminItemEditController(Catalogue catalogue, CommandSender sender) {
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @GetMapping("/admin/items/{sku}/edit")
    String edit(@PathVariable String sku, Model model) {
        ItemDetail item = item(sku);
        if (!model.containsAttribute("item")) {
            model.addAttribute("item", NewItemForm.of(sku, item.details()));
        }
        model.addAttribute("version", item.version());
        return form(model);
    }

    @PostMapping("/admin/items/{sku}/edit")
    String save(@PathVariable String sku, @RequestParam long expectedVersion,
                @Valid @ModelAttribute("item") NewItemForm form, BindingResult errors, Model model,
                Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        item(sku);
        if (errors.getTarget() == null) {
            // Binding failed on a value of the wrong type (lowStockThreshold=abc): no form to show again.
            Flash.error(redirect, "Nothing was saved: the low-stock level must be a whole number.");
            return "redirect:" + itemPath(sku) + "/edit";
        }
        if (!sku.equals(form.sku())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the SKU of an item cannot change");
        }
        if (errors.hasErrors()) {
            model.addAttribute("version", expectedVersion);
            model.addAttribute("flashError", "Nothing was saved: check the highlighted fields.");
            return form(model);
        }
        if (!sender.send(auth, request, MessageType.UPDATE_ITEM, id -> form.toUpdate(id, expectedVersion),
                "Save changes to " + sku, redirect)) {
            model.addAttribute("version", expectedVersion);
            model.addAttribute("flashError", redirect.getFlashAttributes().get(Flash.ERROR));
            return form(model);
        }
        return "redirect:" + itemPath(sku);
    }

    @PostMapping("/admin/items/{sku}/archive")
    String archive(@PathVariable String sku, @RequestParam long expectedVersion, Authentication auth,
                   HttpServletRequest request, RedirectAttributes redirect) {
        item(sku);
        boolean sent = sender.send(auth, request, MessageType.DELETE_ITEM,
                id -> new DeleteItem(id, sku, expectedVersion), "Archive " + sku, redirect);
        return "redirect:" + (sent ? "/admin" : itemPath(sku));
    }

    /** Archives the selected items, or sets their low-stock level: one command each, followed live. */
    @PostMapping("/admin/items/bulk")
    String bulk(@RequestParam String action, @RequestParam(name = "skus", required = false) List<String> skus,
                @RequestParam(required = false) Integer level, @RequestParam(defaultValue = "/admin") String back,
                Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        String target = back.startsWith("/admin") && !back.contains("//") ? back : "/admin";
        if (skus == null || skus.isEmpty()) {
            Flash.error(redirect, "Select at least one item first.");
            return "redirect:" + target;
        }
        if (skus.size() > BULK_MAX || !List.of("archive", "level").contains(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at most " + BULK_MAX
                    + " items, action archive or level");
        }
        if (action.equals("level") && (level == null || level < 0 || level > LEVEL_MAX)) {
            Flash.error(redirect, "Enter a low-stock level between 0 and 1,000,000.");
            return "redirect:" + target;
        }
        List<CommandSender.Bulk> commands = new ArrayList<>();
        for (String sku : skus.stream().distinct().toList()) {
            Optional<ItemDetail> item = catalogue.item(sku);
            if (item.isEmpty()) {
                continue;
            }
            long version = item.get().version();
            commands.add(action.equals("archive")
                    ? new CommandSender.Bulk(id -> new DeleteItem(id, sku, version), "Archive " + sku)
                    : new CommandSender.Bulk(id -> new UpdateItem(id, sku, version,
                    withLevel(item.get().details(), level)), "Set the low-stock level of " + sku + " to " + level));
        }
        sender.sendAll(auth, request, commands, redirect);
        return "redirect:" + target;
    }

    private static ItemDetails withLevel(ItemDetails details, int level) {
        return new ItemDetails(details.name(), details.brand(), details.category(), details.price(),
                details.attributes(), level);
    }

    private String form(Model model) {
        model.addAttribute("currencies", NewItemForm.CURRENCIES);
        model.addAttribute("brands", catalogue.brands());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("editing", true);
        return "admin/item-form";
    }

    private ItemDetail item(String sku) {
        return catalogue.item(sku).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String itemPath(String sku) {
        return UriComponentsBuilder.fromPath("/admin/items/{sku}").buildAndExpand(sku).encode().toUriString();
    }
}
