package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.CatalogueSort;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.StockAlertView;
import io.stockroom.producer.catalogue.domain.StockCounts;
import io.stockroom.producer.web.PageView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * What needs restocking. The first two tabs list items, by the same rule and with the same counts as the dashboard
 * (out of stock includes items never stocked); the third lists stock records (an item at one location) at or below
 * that location's own level, which is a different count and is labelled so.
 */
@Controller("ui.alertsController")
class AlertsController {

    static final int PAGE_SIZE = 20;

    private final Catalogue catalogue;

    AlertsController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/alerts")
    String alerts(@RequestParam(required = false) String show, @RequestParam(defaultValue = "") String location,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        StockCounts counts = catalogue.counts();
        // Without a choice, open where attention is needed first: out of stock, then low, then by location.
        String fallback = counts.out() > 0 || counts.low() == 0 && counts.locationsBelowLevel() == 0 ? "out"
                : counts.low() > 0 ? "low" : "locations";
        String tab = show != null && List.of("out", "low", "locations").contains(show) ? show : fallback;
        int pageNo = Math.clamp(page, 0, CatalogueQuery.PAGE_MAX);
        model.addAttribute("counts", counts);
        model.addAttribute("tab", tab);
        model.addAttribute("links", new Links(tab, location));
        if (tab.equals("locations")) {
            List<AlertRow> rows = catalogue.alerts().stream()
                    .filter(a -> location.isEmpty() || a.location().equals(location))
                    .map(AlertsController::row).toList();
            int from = Math.min(pageNo * PAGE_SIZE, rows.size());
            model.addAttribute("rows", new PageView<>(rows.subList(from, Math.min(from + PAGE_SIZE, rows.size())),
                    pageNo, PAGE_SIZE, rows.size(), Catalogue.ALERTS_LIMIT_MAX));
            model.addAttribute("locations", catalogue.locations().stream().map(LocationView::code).toList());
        } else {
            Availability level = tab.equals("out") ? Availability.OUT : Availability.LOW;
            CataloguePage items = catalogue.search(new CatalogueQuery(null, null, null, null, null,
                    CatalogueSort.NAME, pageNo, PAGE_SIZE), level);
            model.addAttribute("items", new PageView<>(items.items().stream().map(ItemRow::of).toList(),
                    items.page(), items.size(), items.total()));
        }
        return "admin/alerts";
    }

    private static AlertRow row(StockAlertView alert) {
        return new AlertRow(alert.sku(), alert.name(), alert.location(), alert.available(),
                alert.lowStockThreshold(), alert.level().name());
    }

    /** One stock record at or below its location's level. */
    public record AlertRow(String sku, String name, String location, int available, int threshold,
                           String availability) {
    }

    /** Links between tabs and pages. */
    public record Links(String tab, String location) {

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/alerts").queryParam("show", tab);
            if (!location.isEmpty()) {
                uri.queryParam("location", location);
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }
}
