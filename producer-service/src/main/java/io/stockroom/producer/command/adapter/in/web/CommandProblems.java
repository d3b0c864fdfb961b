package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.command.application.CommandNotSentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API command the broker did not confirm: a 503 problem the caller may retry. It lives here, not in the shared
 * {@code api} package, so that package depends on no feature; it is asked before {@code ApiProblems}, so a
 * {@link CommandNotSentException} is answered here even when its cause is one {@code ApiProblems} also handles.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    @ExceptionHandler(CommandNotSentException.class)
    ResponseEntity<ProblemDetail> notSent(CommandNotSentException e) {
        log.warn("Command not sent: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker did not accept the command; nothing was changed. Try again shortly.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
