package io.stockroom.producer.web;

import jakarta.servlet.SessionTrackingMode;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Sessions are tracked by cookie only. Without this, the container rewrites every link of a cookie-less first
 * response (an error page rendered on the error dispatch, where Spring Security's URL-encoding guard does not wrap the
 * response) to {@code /css/app.css;jsessionid=…}: the firewall rejects such URLs, so the page lost its stylesheet,
 * and a session id in a URL leaks through logs and referrers.
 */
@Configuration(proxyBeanMethods = false)
class CookieOnlySessions {

    @Bean
    ServletContextInitializer cookieOnlySessionTracking() {
        return servletContext -> servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }
}
