package io.stockroom.producer.importing.adapter.out.catalogue;

import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.importing.application.ImportChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Import rows checked against the read side's catalogue and locations. */
public final class CatalogueImportChecks implements ImportChecks {

    private final Catalogue catalogue;

    public CatalogueImportChecks(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<String> problems(CreateItem create, ReceiveStock receive) {
        List<String> problems = new ArrayList<>();
        if (catalogue.item(create.sku()).isPresent()) {
            problems.add("an item with SKU " + create.sku() + " exists already; an import only adds new items");
        }
        if (receive != null) {
            Optional<LocationView> location = catalogue.locations().stream()
                    .filter(l -> l.code().equals(receive.location())).findFirst();
            if (location.isEmpty()) {
                problems.add("there is no location " + receive.location());
            } else if (!location.get().active()) {
                problems.add("location " + receive.location() + " is deactivated and takes no stock");
            }
        }
        return problems;
    }
}
