package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/** Locations: the list with (de)activation, the form that creates one, and the page that edits one. */
@Controller("ui.locationsController")
class LocationsController {

    private final Catalogue catalogue;
    private final CommandSender sender;

    LocationsController(Catalogue catalogue, CommandSender sender) {
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @GetMapping("/admin/locations")
    String locations(Model model) {
        if (!model.containsAttribute("newLocation")) {
            model.addAttribute("newLocation", LocationForm.empty());
        }
        model.addAttribute("locations", catalogue.locations().stream().map(l -> new LocationRow(l.code(), l.name(),
                l.type().name(), l.priority(), l.active())).toList());
        model.addAttribute("types", types());
        return "admin/locations";
    }

    @PostMapping("/admin/locations")
    String create(@Valid @ModelAttribute("newLocation") LocationForm form, BindingResult errors, Model model,
                  Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        checkType(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("flashError", "The location was not created: check the highlighted fields.");
            return locations(model);
        }
        sender.send(auth, request, MessageType.CREATE_LOCATION, form::toCommand,
                "Create location " + form.code() + " (" + form.name() + ")", redirect);
        return "redirect:/admin/locations";
    }

    @GetMapping("/admin/locations/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        LocationView location = catalogue.locations().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("location")) {
            model.addAttribute("location", new LocationForm(location.code(), location.name(), location.type().name(),
                    location.priority()));
        }
        model.addAttribute("types", types());
        return "admin/location-form";
    }

    @PostMapping("/admin/locations/{code}/edit")
    String save(@PathVariable String code, @Valid @ModelAttribute("location") LocationForm form, BindingResult errors,
                Model model, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.getTarget() != null && !code.equals(form.code())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the code of a location cannot change");
        }
        checkType(form, errors);
        if (errors.hasErrors()) {
            if (errors.getTarget() == null) {
                Flash.error(redirect, "Nothing was saved: the priority must be a whole number.");
                return "redirect:/admin/locations/" + code + "/edit";
            }
            model.addAttribute("flashError", "Nothing was saved: check the highlighted fields.");
            return edit(code, model);
        }
        sender.send(auth, request, MessageType.UPDATE_LOCATION, form::toUpdate,
                "Save location " + code + " (" + form.name() + ")", redirect);
        return "redirect:/admin/locations";
    }

    private static void checkType(LocationForm form, BindingResult errors) {
        // No form object when binding failed on a value of the wrong type (priority=abc): nothing more to check.
        if (errors.getTarget() != null && !errors.hasFieldErrors("type") && Arrays.stream(LocationType.values())
                .noneMatch(t -> t.name().equals(form.type()))) {
            errors.rejectValue("type", "unknown", "Choose a type from the list.");
        }
    }

    private static List<String> types() {
        return Arrays.stream(LocationType.values()).map(Enum::name).toList();
    }

    @PostMapping("/admin/locations/{code}/deactivate")
    String deactivate(@PathVariable String code, Authentication auth, HttpServletRequest request,
                      RedirectAttributes redirect) {
        sender.send(auth, request, MessageType.DEACTIVATE_LOCATION, id -> new DeactivateLocation(id, code),
                "Deactivate location " + code, redirect);
        return "redirect:/admin/locations";
    }

    @PostMapping("/admin/locations/{code}/reactivate")
    String reactivate(@PathVariable String code, Authentication auth, HttpServletRequest request,
                      RedirectAttributes redirect) {
        sender.send(auth, request, MessageType.REACTIVATE_LOCATION, id -> new ReactivateLocation(id, code),
                "Reactivate location " + code, redirect);
        return "redirect:/admin/locations";
    }

    /** A location as the table shows it. */
    public record LocationRow(String code, String name, String type, int priority, boolean active) {
    }
}
