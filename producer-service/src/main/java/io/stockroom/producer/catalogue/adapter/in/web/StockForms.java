package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.Require;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The stock forms of the item page, bounded by the contracts' {@link Require#QUANTITY_MAX} (the same bound the
 * contract records check again when they are built, and the pages' inputs show).
 */
public final class StockForms {

    private StockForms() {
    }

    public record ReceiveForm(
            @NotBlank(message = "Choose a location.") String location,
            @NotNull(message = "Enter how many units arrived.")
            @Min(value = 1, message = "Receive at least 1 unit.")
            @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000 units at once.") Integer quantity,
            @Size(max = 200, message = "At most 200 characters.") String note) {

        public static ReceiveForm empty() {
            return new ReceiveForm("", 1, "");
        }
    }

    public record AdjustForm(
            @NotBlank(message = "Choose a location.") String location,
            @NotNull(message = "Enter the change in units, e.g. -2.")
            @Min(value = -Require.QUANTITY_MAX, message = "At most 1,000,000 units at once.")
            @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000 units at once.") Integer delta,
            @NotBlank(message = "Choose a reason: every adjustment needs one.") String reason,
            @Size(max = 500, message = "At most 500 characters.") String note) {

        public static AdjustForm empty() {
            return new AdjustForm("", null, "", "");
        }
    }

    public record CountForm(
            @NotBlank(message = "Choose a location.") String location,
            @NotNull(message = "Enter the count you expect now.")
            @Min(value = 0, message = "A count cannot be negative.")
            @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000.") Integer expectedOnHand,
            @NotNull(message = "Enter the new count.")
            @Min(value = 0, message = "A count cannot be negative.")
            @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000.") Integer newOnHand) {

        public static CountForm empty() {
            return new CountForm("", null, null);
        }
    }

    public record TransferForm(
            @NotBlank(message = "Choose where the units leave.") String from,
            @NotBlank(message = "Choose where the units go.") String to,
            @NotNull(message = "Enter how many units to move.")
            @Min(value = 1, message = "Move at least 1 unit.")
            @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000 units at once.") Integer quantity) {

        public static TransferForm empty() {
            return new TransferForm("", "", 1);
        }
    }
}
