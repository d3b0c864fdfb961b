package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.web.PageView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills a model with one page of the catalogue, the filter menus and sort/page links; shared by the admin items
 * table and the shop. A filter the read side refuses is reported on the page instead of failing it.
 */
@Component("ui.catalogueListing")
public class CatalogueListing {

    /** Rows per page of a listing in the browser. */
    public static final int PAGE_SIZE = 20;

    private final Catalogue catalogue;

    CatalogueListing(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public void fill(Model model, String path, ItemFilter filter, BindingResult binding) {
        List<String> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            problems.add(error.isBindingFailure()
                    ? "'" + error.getRejectedValue() + "' is not a valid " + error.getField() : error.getDefaultMessage());
        }
        ItemFilter effective = binding.hasErrors() ? ItemFilter.none() : filter;
        CataloguePage page;
        try {
            page = catalogue.search(effective.toQuery(PAGE_SIZE), effective.availability());
        } catch (IllegalArgumentException refused) {
            problems.add(refused.getMessage());
            effective = ItemFilter.none();
            page = catalogue.search(effective.toQuery(PAGE_SIZE));
        }
        if (page.items().isEmpty() && page.page() > 0 && page.total() > 0) {
            // Past the last page (a stale link): show the last page instead of "0 of N".
            ItemFilter last = effective.onPage(page.totalPages() - 1);
            page = catalogue.search(last.toQuery(PAGE_SIZE), last.availability());
        }
        model.addAttribute("items", new PageView<>(page.items().stream().map(ItemRow::of).toList(), page.page(),
                page.size(), page.total()));
        model.addAttribute("stockVersions", catalogue.stockVersions(page.items().stream().map(i -> i.sku()).toList()));
        model.addAttribute("filterErrors", problems);
        model.addAttribute("links", new FilterLinks(path, binding.hasErrors() ? effective : filter));
        model.addAttribute("brands", catalogue.brands());
        model.addAttribute("categories", catalogue.categories());
    }
}
