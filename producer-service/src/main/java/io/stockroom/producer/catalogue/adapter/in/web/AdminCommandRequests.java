package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.stock.AdjustmentReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The request bodies of the admin API: explicit records (unknown fields are refused by the JSON binding). The
 * annotations catch the obvious; the contract records' constructors enforce the rest (formats, ranges, scales).
 */
final class AdminCommandRequests {

    private AdminCommandRequests() {
    }

    record Price(@NotNull BigDecimal amount, @NotBlank String currency) {
    }

    record CreateItemRequest(@NotBlank String sku, @NotBlank String name, @NotBlank String brand,
                             @NotBlank String category, @NotNull @Valid Price price,
                             @Size(max = 32) Map<String, String> attributes,
                             @NotNull @PositiveOrZero Integer lowStockThreshold) {
    }

    record UpdateItemRequest(@NotBlank String name, @NotBlank String brand, @NotBlank String category,
                             @NotNull @Valid Price price, @Size(max = 32) Map<String, String> attributes,
                             @NotNull @PositiveOrZero Integer lowStockThreshold,
                             @NotNull @PositiveOrZero Long expectedVersion) {
    }

    record CreateLocationRequest(@NotBlank String code, @NotBlank String name, @NotNull LocationType type,
                                 @NotNull @PositiveOrZero Integer priority) {
    }

    record UpdateLocationRequest(@NotBlank String name, @NotNull LocationType type,
                                 @NotNull @PositiveOrZero Integer priority) {
    }

    record ReceiveRequest(@NotNull @Positive Integer quantity, @Size(max = 200) String note) {
    }

    record AdjustRequest(@NotNull Integer delta, @NotNull AdjustmentReason reason, @Size(max = 500) String note) {
    }

    record CountRequest(@NotNull @PositiveOrZero Integer expectedOnHand, @NotNull @PositiveOrZero Integer newOnHand) {
    }

    record ThresholdRequest(@NotNull @PositiveOrZero Integer threshold) {
    }

    record TransferRequest(@NotBlank String sku, @NotBlank String from, @NotBlank String to,
                           @NotNull @Positive Integer quantity) {
    }
}
