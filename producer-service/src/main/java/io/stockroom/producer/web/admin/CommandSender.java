package io.stockroom.producer.web.admin;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.MessageType;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.command.domain.CommandReceipt;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
}
