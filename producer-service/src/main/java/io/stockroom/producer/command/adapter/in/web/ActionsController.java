package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.command.domain.AdminAction;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.web.PageView;
import io.stockroom.producer.web.Stamp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit log: every command sent from the UI, the API or an import, newest first, with what became of it in
 * words; filtered by outcome and by kind of action. Codes and ids are behind each row's details toggle.
 */
@Controller("ui.actionsController")
class ActionsController {

    static final int PAGE_SIZE = 25;
    static final int PAGE_MAX = 400;
    static final int COUNT_MAX = 10_000;

    private final AdminCommands commands;

    ActionsController(AdminCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/admin/actions")
    String actions(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String type,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        ActionStatus only = Arrays.stream(ActionStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        String kind = Arrays.stream(MessageType.values()).filter(MessageType::isCommand)
                .map(MessageType::routingKey).filter(type::equals).findFirst().orElse(null);
        Links links = new Links(only == null ? "" : only.name(), kind == null ? "" : kind);
        PageOf<AdminAction> actions = commands.recent(only, kind, Math.clamp(page, 0, PAGE_MAX), PAGE_SIZE);
        if (actions.items().isEmpty() && page > 0 && actions.total() > 0) {
            return "redirect:" + links.page(Math.min(actions.totalPages() - 1, PAGE_MAX));
        }
        model.addAttribute("actions", new PageView<>(actions.items().stream().map(ActionRow::of).toList(),
                actions.page(), actions.size(), actions.total(), COUNT_MAX));
        model.addAttribute("links", links);
        model.addAttribute("types", Arrays.stream(MessageType.values()).filter(MessageType::isCommand)
                .map(t -> Map.entry(t.routingKey(), CommandWording.action(t.routingKey())))
                .sorted(Map.Entry.comparingByValue()).toList());
        model.addAttribute("statuses", List.of(Map.entry("PENDING", "Pending"), Map.entry("APPLIED", "Applied"),
                Map.entry("REJECTED", "Refused")));
        return "admin/actions";
    }

    /** One audit log row: sentences first; the codes and ids for the details toggle. */
    public record ActionRow(String commandId, String action, String commandType, String subject, String actor,
                            String status, String statusLabel, String message, String reasonCode, Stamp requestedAt,
                            String clientAddress) {

        static ActionRow of(AdminAction action) {
            return new ActionRow(action.commandId(), CommandWording.action(action.commandType()),
                    action.commandType(), action.subject(), action.actor(), action.status().name(),
                    CommandWording.status(action.status()), CommandWording.message(action), action.reasonCode(),
                    Stamp.of(action.requestedAt()), action.clientAddress());
        }
    }

    /** Links that keep the filters. */
    public record Links(String status, String type) {

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/actions");
            if (!status.isEmpty()) {
                uri.queryParam("status", status);
            }
            if (!type.isEmpty()) {
                uri.queryParam("type", type);
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }
}
