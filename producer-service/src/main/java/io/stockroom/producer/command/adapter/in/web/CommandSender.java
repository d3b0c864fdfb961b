package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.MessageType;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.command.domain.CommandReceipt;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.CommandBanner;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends an admin form's command and tells the next page about it: a pending banner whose outcome app.js follows
 * live, or an error when the command could not be built (the contract refused a value) or sent (the broker did not
 * confirm it; nothing was applied and the admin can retry).
 */
@Component("ui.commandSender")
public class CommandSender {

    private final AdminCommands commands;

    CommandSender(AdminCommands commands) {
        this.commands = commands;
    }

    /** One command of a bulk action: how to build it, and what it is in words. */
    public record Bulk(Function<String, ? extends Command> build, String label) {
    }

    /**
     * @param type  the command's type, checked against what {@code build} returns
     * @param build builds the contract record from a fresh command id; may throw IllegalArgumentException
     * @return true if the command was sent
     */
    public boolean send(Authentication authentication, HttpServletRequest request, MessageType type,
                        Function<String, ? extends Command> build, String label, RedirectAttributes redirect) {
        Command command;
        try {
            command = build.apply(commands.newCommandId());
        } catch (IllegalArgumentException refused) {
            Flash.error(redirect, label + " was not sent: " + refused.getMessage());
            return false;
        }
        try {
            if (MessageType.of(command) != type) {
                throw new IllegalArgumentException(label + " built a " + MessageType.of(command) + ", not a " + type);
            }
            CommandReceipt receipt = commands.submit(Requesters.of(authentication, request), command);
            Flash.command(redirect, receipt.commandId(), label);
            return true;
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, label + " could not be sent because the message broker did not confirm it. "
                    + "Nothing was changed; try again in a moment.");
            return false;
        }
    }

    /**
     * Sends one command per selected row; each gets its own live line on the next page. A row whose command the
     * contract refuses is reported and skipped; a broker failure stops the rest (they were not sent).
     *
     * @return how many were sent
     */
    public int sendAll(Authentication authentication, HttpServletRequest request, List<Bulk> bulk,
                       RedirectAttributes redirect) {
        Requester requester = Requesters.of(authentication, request);
        List<CommandBanner> sent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Bulk one : bulk) {
            try {
                CommandReceipt receipt = commands.submit(requester, one.build().apply(commands.newCommandId()));
                sent.add(new CommandBanner(receipt.commandId(), one.label()));
            } catch (IllegalArgumentException refused) {
                problems.add(one.label() + ": " + refused.getMessage());
            } catch (CommandNotSentException notSent) {
                problems.add("The message broker stopped confirming, so " + (bulk.size() - sent.size()
                        - problems.size()) + " of the selected were not sent. Try those again in a moment.");
                break;
            }
        }
        if (!sent.isEmpty()) {
            Flash.commands(redirect, sent);
        }
        if (!problems.isEmpty()) {
            Flash.error(redirect, String.join(" ", problems));
        }
        return sent.size();
    }
}
