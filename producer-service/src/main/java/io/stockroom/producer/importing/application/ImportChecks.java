package io.stockroom.producer.importing.application;

import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.stock.ReceiveStock;

import java.util.List;

/**
 * What an import row is checked against besides its own fields: the catalogue and locations the producer's read
 * side knows. A row for an existing SKU, or opening stock at an unknown or deactivated location, would only be
 * refused by its consumer later; saying so at upload (and in a dry run) saves the round trip.
 */
@FunctionalInterface
public interface ImportChecks {

    /** Sentences for the problems of a row whose fields are valid; empty when there are none. */
    List<String> problems(CreateItem create, ReceiveStock receive);
}
