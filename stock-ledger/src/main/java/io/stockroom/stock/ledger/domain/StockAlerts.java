package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.StockAlert;

import java.util.ArrayList;
import java.util.List;

/** Which boundaries a change of available units crossed; each crossing is reported once, when it happens. */
public final class StockAlerts {

    private StockAlerts() {
    }

    /**
     * @param availableBefore available units before the change
     * @param after           the record after the change
     */
    public static List<StockAlert.Kind> crossed(int availableBefore, StockLevel after) {
        int availableAfter = after.available();
        int threshold = after.lowStockThreshold();
        List<StockAlert.Kind> alerts = new ArrayList<>(2);
        if (availableAfter == 0 && availableBefore > 0) {
            alerts.add(StockAlert.Kind.OUT_OF_STOCK);
        } else if (availableAfter > 0 && availableAfter <= threshold && availableBefore > threshold) {
            alerts.add(StockAlert.Kind.LOW_STOCK);
        }
        if (availableAfter > 0 && availableBefore == 0) {
            alerts.add(StockAlert.Kind.BACK_IN_STOCK);
            if (availableAfter <= threshold) {
                alerts.add(StockAlert.Kind.LOW_STOCK);
            }
        }
        return List.copyOf(alerts);
    }
}
