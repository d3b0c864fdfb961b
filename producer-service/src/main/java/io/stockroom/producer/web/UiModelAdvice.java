package io.stockroom.producer.web;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.order.OrderLine;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes every page needs (the header's health link, also on error pages; the page's own address), and the
 * contracts' limits, so an input's bounds are the server's and never a copy.
 */
@ControllerAdvice
class UiModelAdvice {

    private final String healthUrl;

    UiModelAdvice(@Value("${stockroom.health.url:http://localhost:8085/}") String healthUrl) {
        this.healthUrl = healthUrl;
    }

    @ModelAttribute("healthUrl")
    String healthUrl() {
        return healthUrl;
    }

    /** Units one stock change may move; the admin pages' inputs allow what the server allows. */
    @ModelAttribute("unitsMax")
    int unitsMax() {
        return Require.QUANTITY_MAX;
    }

    /** Units one order line may hold (the shop's quantity inputs). */
    @ModelAttribute("orderLineUnitsMax")
    int orderLineUnitsMax() {
        return OrderLine.QUANTITY_MAX;
    }

    /** A location's highest priority (the location forms). */
    @ModelAttribute("priorityMax")
    int priorityMax() {
        return CreateLocation.PRIORITY_MAX;
    }

    /** Path and query of this page, for forms that come back to it ("back" fields). */
    @ModelAttribute("currentUrl")
    String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
