package io.stockroom.producer.web.admin;

import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.AdminAction;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.web.Formats;
import io.stockroom.producer.web.PageView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log: every admin command, newest first, with its outcome. */
@Controller("ui.actionsController")
class ActionsController {

    static final int PAGE_SIZE = 25;
    static final int PAGE_MAX = 10_000;

    private final AdminCommands commands;

    ActionsController(AdminCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/admin/actions")
    String actions(@RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<AdminAction> actions = commands.recent(Math.clamp(page, 0, PAGE_MAX), PAGE_SIZE);
        model.addAttribute("actions", new PageView<>(actions.items().stream().map(ActionRow::of).toList(),
                actions.page(), actions.size(), actions.total()));
        return "admin/actions";
    }

    /** One audit log row. */
    public record ActionRow(String commandId, String commandType, String subject, String actor, String status,
                            String reasonCode, String detail, String requestedAt) {

        static ActionRow of(AdminAction action) {
            return new ActionRow(action.commandId(), action.commandType(), action.subject(), action.actor(),
                    action.status().name(), action.reasonCode(), action.detail(), Formats.time(action.requestedAt()));
        }
    }
}
