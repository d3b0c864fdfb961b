package io.stockroom.producer.web.admin;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.StockAlertView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** Low-stock and out-of-stock records across locations, most urgent first. */
@Controller("ui.alertsController")
class AlertsController {

    private final Catalogue catalogue;

    AlertsController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/alerts")
    String alerts(Model model) {
        List<StockAlertView> alerts = catalogue.alerts();
        model.addAttribute("alerts", alerts.stream().map(a -> new AlertRow(a.sku(), a.name(), a.location(),
                a.available(), a.lowStockThreshold(), a.level().name())).toList());
        model.addAttribute("outCount", alerts.stream().filter(a -> a.level() == Availability.OUT).count());
        model.addAttribute("lowCount", alerts.stream().filter(a -> a.level() == Availability.LOW).count());
        model.addAttribute("locationCount", alerts.stream().map(StockAlertView::location).distinct().count());
        return "admin/alerts";
    }

    /** One alert row. */
    public record AlertRow(String sku, String name, String location, int available, int threshold,
                           String availability) {
    }
}
