package io.stockroom.producer.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Flash attribute names shared by the controllers and {@code fragments/layout :: flash}. */
public final class Flash {

    public static final String OK = "flashOk";
    public static final String ERROR = "flashError";
    public static final String COMMAND = "command";
    public static final String COMMANDS = "commands";

    private Flash() {
    }

    public static void ok(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(OK, message);
    }

    public static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ERROR, message);
    }

    public static void command(RedirectAttributes redirect, String commandId, String label) {
        redirect.addFlashAttribute(COMMAND, new CommandBanner(commandId, label));
    }

    /** Several commands sent at once (a bulk action): one line each, followed live. */
    public static void commands(RedirectAttributes redirect, List<CommandBanner> banners) {
        redirect.addFlashAttribute(COMMANDS, List.copyOf(banners));
    }
}
