package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.ItemSummary;
import io.stockroom.producer.common.Csv;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue as CSV: every item matching the list's filters (GET), or the selected ones (POST, from the bulk
 * bar). The first seven columns are the import's, so an export is also a template with real data; the availability
 * columns follow.
 */
@Controller("ui.itemCsvExport")
class ItemCsvExport {

    static final List<String> HEADER = List.of("sku", "name", "brand", "category", "price", "currency",
            "lowStockThreshold", "available", "stockStatus");
    private static final int SELECTED_MAX = 100;

    private final Catalogue catalogue;

    ItemCsvExport(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/items/export.csv")
    void matching(@Valid @ModelAttribute("filter") ItemFilter filter, BindingResult binding,
                  HttpServletResponse response) throws IOException {
        if (binding.hasErrors()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid filter");
        }
        try (Writer out = open(response)) {
            for (int page = 0; page <= CatalogueQuery.PAGE_MAX; page++) {
                CataloguePage batch = catalogue.search(filter.onPage(page).toQuery(CatalogueQuery.SIZE_MAX),
                        filter.availability());
                for (ItemSummary item : batch.items()) {
                    catalogue.item(item.sku()).ifPresent(detail -> write(out, detail));
                }
                if (batch.items().size() < CatalogueQuery.SIZE_MAX) {
                    break;
                }
            }
        } catch (IllegalArgumentException refused) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
    }

    @PostMapping("/admin/items/export.csv")
    void selected(@RequestParam(name = "skus", required = false) List<String> skus, HttpServletResponse response)
            throws IOException {
        List<String> chosen = skus == null ? List.of() : new ArrayList<>(skus.stream().distinct().toList());
        if (chosen.isEmpty() || chosen.size() > SELECTED_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "select 1 to " + SELECTED_MAX + " items");
        }
        try (Writer out = open(response)) {
            chosen.forEach(sku -> catalogue.item(sku).ifPresent(detail -> write(out, detail)));
        }
    }

    private static Writer open(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"items.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(Csv.row(HEADER));
        return out;
    }

    private static void write(Writer out, ItemDetail item) {
        try {
            out.write(Csv.row(List.of(item.sku(), item.details().name(), item.details().brand(),
                    item.details().category(), item.details().price().amount().toPlainString(),
                    item.details().price().currency(), item.details().lowStockThreshold(), item.available(),
                    item.availability().name())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
