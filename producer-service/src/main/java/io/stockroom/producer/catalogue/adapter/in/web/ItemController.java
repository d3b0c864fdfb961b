package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Require;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.producer.catalogue.adapter.in.web.StockForms.AdjustForm;
import io.stockroom.producer.catalogue.adapter.in.web.StockForms.CountForm;
import io.stockroom.producer.catalogue.adapter.in.web.StockForms.ReceiveForm;
import io.stockroom.producer.catalogue.adapter.in.web.StockForms.TransferForm;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.web.Flash;
import io.stockroom.producer.web.PageView;
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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The item page: details, stock per location with the forms that change it, and the movement history. A form with
 * bad input is shown again with its messages; a valid one sends its command and comes back with a live status.
 */
@Controller("ui.itemController")
class ItemController {

    /** Movements per page of the item's history. */
    static final int MOVEMENTS_PAGE = 25;

    private final Catalogue catalogue;
    private final CommandSender sender;

    ItemController(Catalogue catalogue, CommandSender sender) {
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @GetMapping("/admin/items/{sku}")
    String item(@PathVariable String sku, @RequestParam(defaultValue = "0") int history,
                @RequestParam(defaultValue = "") String at, Model model) {
        model.addAttribute("historyPage", Math.clamp(history, 0, Catalogue.MOVEMENTS_LIMIT_MAX / MOVEMENTS_PAGE));
        model.addAttribute("historyAt", at);
        return page(sku, model);
    }

    /** A location's own low-stock level for this item (alerts for that location use it). */
    @PostMapping("/admin/items/{sku}/stock/{location}/level")
    String level(@PathVariable String sku, @PathVariable String location, @RequestParam(required = false) Integer level,
                 Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        if (level == null || level < 0 || level > Require.QUANTITY_MAX) {
            Flash.error(redirect, String.format(Locale.ROOT, "Enter a low-stock level between 0 and %,d.",
                    Require.QUANTITY_MAX));
            return redirectTo(sku);
        }
        sender.send(auth, request, MessageType.SET_LOW_STOCK_THRESHOLD,
                id -> new SetLowStockThreshold(id, sku, location, level),
                "Set the low-stock level of " + sku + " at " + location + " to " + level, redirect);
        return redirectTo(sku);
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
        List<LocationView> locations = catalogue.locations();
        model.addAttribute("item", ItemPageView.of(item, locations));
        model.addAttribute("stockVersions", catalogue.stockVersions(List.of(sku)));
        movements(sku, model);
        model.addAttribute("locations", locations);
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

    /**
     * One page of the movement history, optionally of one location. The ledger is read newest first, at most
     * {@link Catalogue#MOVEMENTS_LIMIT_MAX} entries; older ones stay available through the API.
     */
    private void movements(String sku, Model model) {
        int page = model.getAttribute("historyPage") instanceof Integer p ? p : 0;
        String at = model.getAttribute("historyAt") instanceof String a ? a : "";
        List<ItemPageView.MovementRow> all = catalogue.movements(sku, Catalogue.MOVEMENTS_LIMIT_MAX).stream()
                .filter(entry -> at.isEmpty() || entry.key().location().equals(at))
                .map(ItemPageView.MovementRow::of).toList();
        int from = Math.min(page * MOVEMENTS_PAGE, all.size());
        PageView<ItemPageView.MovementRow> shown = new PageView<>(
                all.subList(from, Math.min(from + MOVEMENTS_PAGE, all.size())), page, MOVEMENTS_PAGE, all.size(),
                Catalogue.MOVEMENTS_LIMIT_MAX);
        model.addAttribute("movements", shown);
        model.addAttribute("historyAt", at);
        model.addAttribute("historyLinks", new HistoryLinks(sku, at));
    }

    /** Links to pages of the movement history, keeping its location filter. */
    public record HistoryLinks(String sku, String at) {

        public HistoryLinks withAt(String location) {
            return new HistoryLinks(sku, location);
        }

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/items/{sku}");
            if (page > 0) {
                uri.queryParam("history", page);
            }
            if (!at.isEmpty()) {
                uri.queryParam("at", at);
            }
            return uri.fragment("history").buildAndExpand(sku).encode().toUriString();
        }
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
