package io.stockroom.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Replaces Spring Boot's {@code BasicErrorController}, whose answer to a non-browser was its own JSON
 * ({@code timestamp, status, error, path}), outside the API contract. Errors that reach {@code /error} (a filter's
 * {@code sendError}, an exception no handler took, Spring Security's firewall) are answered by the rule of
 * {@link ErrorResponses}: problem JSON, or for a browser on a UI path the service's error page ({@code error/4xx},
 * {@code error/5xx} templates where the service has them, else Boot's plain page).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;
    private final List<ErrorViewResolver> viewResolvers;

    public ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> viewResolvers) {
        this.errorAttributes = errorAttributes;
        this.viewResolvers = List.copyOf(viewResolvers);
    }

    @RequestMapping
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (response.isCommitted()) {
            return null;
        }
        if (!ErrorResponses.wantsHtml(path, request.getHeader(HttpHeaders.ACCEPT))) {
            ErrorResponses.write(response, status, null, path, null);
            return null;
        }
        Map<String, Object> model = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults());
        response.setStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        for (ErrorViewResolver resolver : viewResolvers) {
            ModelAndView view = known == null ? null : resolver.resolveErrorView(request, known, model);
            if (view != null) {
                return view;
            }
        }
        return new ModelAndView("error", model);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status && status >= 400 && status <= 599 ? status : 500;
    }
}
