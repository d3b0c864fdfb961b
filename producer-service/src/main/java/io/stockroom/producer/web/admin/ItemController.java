package io.stockroom.producer.web.admin;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.web.admin.StockForms.AdjustForm;
import io.stockroom.producer.web.admin.StockForms.CountForm;
import io.stockroom.producer.web.admin.StockForms.ReceiveForm;
import io.stockroom.producer.web.admin.StockForms.TransferForm;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;

/**
 * The item page: details, stock per location with the forms that change it, and the movement history. A form with
 * bad input is shown again with its messages; a valid one sends its command and comes back with a live status.
 */
@Controller("ui.itemController")
class ItemController {

    /** Movements shown on the item page; the full ledger stays queryable through the API. */
    static final int MOVEMENTS_SHOWN = 50;

    private final Catalogue catalogue;
    private final CommandSender sender;

    ItemController(Catalogue catalogue, CommandSender sender) {
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @GetMapping("/admin/items/{sku}")
    String item(@PathVariable String sku, Model model) {
        return page(sku, model);
    }

    @PostMapping("/admin/items/{sku}/receive")
    String receive(@PathVariable String sku, @Valid @ModelAttribute("receive") ReceiveForm form, BindingResult errors,
                   Model model, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(sku, model);
        }
        sender.send(auth, request, MessageType.RECEIVE_STOCK,
                id -> new ReceiveStock(id, sku, form.location(), form.quantity(), blankToNull(form.note())),
                "Receive " + form.quantity() + " × " + sku + " at " + form.location(), redirect);
        return redirectTo(sku);
    }

    @PostMapping("/admin/items/{sku}/adjust")
    String adjust(@PathVariable String sku, @Valid @ModelAttribute("adjust") AdjustForm form, BindingResult errors,
                  Model model, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        // No form object when binding failed on a value of the wrong type (delta=abc): nothing more to check.
        boolean bound = errors.getTarget() != null;
        if (bound && !errors.hasFieldErrors("delta") && form.delta() != null && form.delta() == 0) {
            errors.rejectValue("delta", "zero", "An adjustment changes at least 1 unit.");
        }
        if (bound && !errors.hasFieldErrors("reason") && !isReason(form.reason())) {
            errors.rejectValue("reason", "unknown", "Choose a reason from the list.");
        }
        if (errors.hasErrors()) {
            model.addAttribute("adjustOpen", true);
            return page(sku, model);
        }
        sender.send(auth, request, MessageType.ADJUST_STOCK,
                id -> new AdjustStock(id, sku, form.location(), form.delta(), AdjustmentReason.valueOf(form.reason()),
                        blankToNull(form.note())),
                "Adjust " + sku + " at " + form.location() + " by " + signed(form.delta()) + " ("
                        + form.reason().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", redirect);
        return redirectTo(sku);
    }

    @PostMapping("/admin/items/{sku}/count")
    String count(@PathVariable String sku, @Valid @ModelAttribute("count") CountForm form, BindingResult errors,
                 Model model, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("countOpen", true);
            return page(sku, model);
        }
        sender.send(auth, request, MessageType.SET_STOCK_COUNT,
                id -> new SetStockCount(id, sku, form.location(), form.expectedOnHand(), form.newOnHand(), null),
                "Set the count of " + sku + " at " + form.location() + " from " + form.expectedOnHand() + " to "
                        + form.newOnHand(), redirect);
        return redirectTo(sku);
    }

    @PostMapping("/admin/items/{sku}/transfer")
    String transfer(@PathVariable String sku, @Valid @ModelAttribute("transfer") TransferForm form,
                    BindingResult errors, Model model, Authentication auth, HttpServletRequest request,
                    RedirectAttributes redirect) {
        if (errors.getTarget() != null && !errors.hasFieldErrors("to") && form.to() != null
                && form.to().equals(form.from())) {
            errors.rejectValue("to", "same", "Choose a different location than the one the units leave.");
        }
        if (errors.hasErrors()) {
            model.addAttribute("transferOpen", true);
            return page(sku, model);
        }
        sender.send(auth, request, MessageType.TRANSFER_STOCK,
                id -> new TransferStock(id, sku, form.from(), form.to(), form.quantity()),
                "Transfer " + form.quantity() + " × " + sku + " from " + form.from() + " to " + form.to(), redirect);
        return redirectTo(sku);
    }

    @PostMapping("/admin/items/{sku}/stock/{location}/remove")
    String remove(@PathVariable String sku, @PathVariable String location, Authentication auth,
                  HttpServletRequest request, RedirectAttributes redirect) {
        sender.send(auth, request, MessageType.REMOVE_STOCK_RECORD, id -> new RemoveStockRecord(id, sku, location),
                "Remove the stock record of " + sku + " at " + location, redirect);
        return redirectTo(sku);
    }

    private String page(String sku, Model model) {
        ItemDetail item = catalogue.item(sku).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("item", ItemPageView.of(item));
        model.addAttribute("movements", catalogue.movements(sku, MOVEMENTS_SHOWN).stream()
                .map(ItemPageView.MovementRow::of).toList());
        model.addAttribute("locations", catalogue.locations());
        model.addAttribute("reasons", Arrays.stream(AdjustmentReason.values()).map(Enum::name).toList());
        addIfAbsent(model, "receive", ReceiveForm.empty());
        addIfAbsent(model, "adjust", AdjustForm.empty());
        addIfAbsent(model, "count", CountForm.empty());
        addIfAbsent(model, "transfer", TransferForm.empty());
        if (hasErrors(model)) {
            model.addAttribute("flashError", "Nothing was sent: check the highlighted fields.");
        }
        return "admin/item";
    }

    private static boolean hasErrors(Model model) {
        for (String form : List.of("receive", "adjust", "count", "transfer")) {
            Object binding = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + form);
            if (binding instanceof BindingResult result && result.hasErrors()) {
                return true;
            }
        }
        return false;
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    private static boolean isReason(String reason) {
        return Arrays.stream(AdjustmentReason.values()).anyMatch(r -> r.name().equals(reason));
    }

    private static String signed(int delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String redirectTo(String sku) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/items/{sku}").buildAndExpand(sku).encode()
                .toUriString();
    }
}
