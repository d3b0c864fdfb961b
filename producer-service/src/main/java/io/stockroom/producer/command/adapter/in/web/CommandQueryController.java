package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.api.ApiException;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.AdminAction;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/** Command status, the audit log and the live feed of outcomes. */
@ApiController("api.commandQueryController")
class CommandQueryController {

    /** A command's status as the API shows it. */
    record CommandStatus(String commandId, String commandType, String status, String reasonCode, String detail,
                         String subject, String actor, Instant requestedAt, Instant completedAt) {

        static CommandStatus of(AdminAction a) {
            return new CommandStatus(a.commandId(), a.commandType(), a.status().name(), a.reasonCode(), a.detail(),
                    a.subject(), a.actor(), a.requestedAt(), a.completedAt());
        }
    }

    private final AdminCommands commands;

    CommandQueryController(AdminCommands commands) {
        this.commands = commands;
    }

    /** Admins see every command; others only their own (anything else is "not found"). */
    @GetMapping("/api/commands/{commandId}")
    CommandStatus status(@PathVariable String commandId, Authentication who, HttpServletRequest request) {
        Requester requester = Requesters.of(who, request);
        return commands.find(commandId)
                .filter(action -> requester.isAdmin() || action.actor().equals(requester.username()))
                .map(CommandStatus::of)
                .orElseThrow(() -> ApiException.notFound("Command " + commandId));
    }

    @GetMapping("/api/admin/actions")
    PageOf<CommandStatus> actions(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        PageOf<AdminAction> actions = commands.recent(page, size);
        return new PageOf<>(actions.items().stream().map(CommandStatus::of).toList(), actions.page(), actions.size(),
                actions.total());
    }
}
