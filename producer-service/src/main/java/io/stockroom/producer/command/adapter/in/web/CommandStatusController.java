package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.AdminAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * The status of one admin command for app.js on the session (the {@code /api/**} chain is stateless Basic auth, so
 * the browser polls here). {@code /ui/admin/**} is admin-only in the security chain.
 */
@RestController("ui.commandStatusController")
class CommandStatusController {

    private final AdminCommands commands;

    CommandStatusController(AdminCommands commands) {
        this.commands = commands;
    }

    @GetMapping(value = "/ui/admin/commands/{commandId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CommandStatus status(@PathVariable String commandId) {
        return commands.find(commandId).map(CommandStatus::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** What app.js needs to turn a pending banner into applied or rejected. */
    public record CommandStatus(String commandId, String commandType, String status, String reasonCode, String detail,
                         Instant requestedAt, Instant completedAt) {

        static CommandStatus of(AdminAction action) {
            return new CommandStatus(action.commandId(), action.commandType(), action.status().name(),
                    action.reasonCode(), action.detail(), action.requestedAt(), action.completedAt());
        }
    }
}
