package io.stockroom.producer.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page needs (the header's health link, also on error pages; the page's own address). */
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

    /** Path and query of this page, for forms that come back to it ("back" fields). */
    @ModelAttribute("currentUrl")
    String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
