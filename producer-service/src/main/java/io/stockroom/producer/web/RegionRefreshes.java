package io.stockroom.producer.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * app.js fetches the page again to refresh its live regions (header {@value #HEADER}). Such a fetch must not take
 * the flash messages meant for the page the user is about to see: a refresh still in flight when a form is
 * submitted would otherwise swallow that form's "request sent" banner.
 */
@Configuration(proxyBeanMethods = false)
class RegionRefreshes {

    static final String HEADER = "X-Stockroom-Refresh";

    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        SessionFlashMapManager sessions = new SessionFlashMapManager();
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return request.getHeader(HEADER) != null ? null : sessions.retrieveAndUpdate(request, response);
            }

            @Override
            public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request,
                                           HttpServletResponse response) {
                sessions.saveOutputFlashMap(flashMap, request, response);
            }
        };
    }
}
