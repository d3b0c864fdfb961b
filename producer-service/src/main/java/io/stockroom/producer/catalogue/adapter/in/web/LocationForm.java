package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.location.UpdateLocation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** The location form (new, or edit where the code is fixed); the code is upper-cased as typed. */
public record LocationForm(
        @NotBlank(message = "Enter a code.")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "Use letters, digits, dash or underscore (up to 32).")
        String code,
        @NotBlank(message = "Enter a name.") @Size(max = 200, message = "At most 200 characters.") String name,
        @NotBlank(message = "Choose a type.") String type,
        @NotNull(message = "Enter a priority (lower is preferred).")
        @Min(value = 0, message = "Priority is 0 or more.")
        @Max(value = CreateLocation.PRIORITY_MAX, message = "Priority is at most 10,000.") Integer priority) {

    public LocationForm {
        code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static LocationForm empty() {
        return new LocationForm("", "", LocationType.WAREHOUSE.name(), 10);
    }

    public CreateLocation toCommand(String commandId) {
        return new CreateLocation(commandId, code, name, LocationType.valueOf(type), priority);
    }

    public UpdateLocation toUpdate(String commandId) {
        return new UpdateLocation(commandId, code, name, LocationType.valueOf(type), priority);
    }
}
