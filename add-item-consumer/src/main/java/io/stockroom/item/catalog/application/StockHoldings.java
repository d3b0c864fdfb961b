package io.stockroom.item.catalog.application;

/** How many units of an item locations hold or reserve; an item with units cannot be deleted. */
public interface StockHoldings {

    long unitsHeld(String sku);
}
