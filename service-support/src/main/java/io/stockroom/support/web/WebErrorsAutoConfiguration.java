package io.stockroom.support.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every error of every service in one shape ({@link ErrorResponses}): Tomcat's connector-level refusals through
 * {@link ProblemErrorReportValve}, malformed queries and form bodies through {@link MalformedRequestFilter}, broken
 * multipart bodies through {@link MultipartProblems}, the security firewall's refusals through
 * {@link FirewallRejections}, an error status set without a body through {@link ErrorBodyFilter}, and
 * whatever reaches {@code /error} through {@link ProblemErrorController} (which replaces Boot's, so it must be
 * registered before {@link ErrorMvcAutoConfiguration} looks for one).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, Tomcat.class, TomcatServletWebServerFactory.class})
public class WebErrorsAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes,
                                                  ObjectProvider<ErrorViewResolver> viewResolvers) {
        return new ProblemErrorController(errorAttributes, viewResolvers.orderedStream().toList());
    }

    @Bean
    MultipartProblems multipartProblems() {
        return new MultipartProblems();
    }

    /** Only where Spring Security guards the service (all of ours do). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
    static class Firewall {

        @Bean
        FirewallRejections firewallRejections() {
            return new FirewallRejections();
        }
    }

    /** Just behind the character-encoding filter (HIGHEST_PRECEDENCE), around everything else. */
    @Bean
    FilterRegistrationBean<ErrorBodyFilter> errorBodyFilter() {
        FilterRegistrationBean<ErrorBodyFilter> registration = new FilterRegistrationBean<>(new ErrorBodyFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the character-encoding filter, so a form body is decoded as UTF-8, and before anything else reads it. */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
        FilterRegistrationBean<MalformedRequestFilter> registration =
                new FilterRegistrationBean<>(new MalformedRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Puts {@link ProblemErrorReportValve} on the host in place of any other error report valve. Spring Boot adds
     * its own (without report details) in a context customizer of its own; this one runs last, so it wins.
     */
    @Bean
    ErrorValveCustomizer problemErrorReportValve() {
        return new ErrorValveCustomizer();
    }

    static final class ErrorValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceErrorReportValves(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void replaceErrorReportValves(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        if (host instanceof org.apache.catalina.core.StandardHost standardHost) {
            // Keeps the host from adding Tomcat's default valve when it starts.
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }
}
