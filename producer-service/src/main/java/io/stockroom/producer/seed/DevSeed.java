package io.stockroom.producer.seed;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.common.Requester;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small demo catalogue for the dev profile: three locations and twelve watches of four (invented) brands, with
 * stock, sent as ordinary admin commands so they take the same path, checks and audit as an admin's. Command ids are
 * fixed, so seeding twice sends nothing new.
 */
public final class DevSeed {

    record Watch(String sku, String name, String brand, String category, String price, int threshold,
                 int main, int north, int south) {
    }

    static final List<Watch> WATCHES = List.of(
            new Watch("ORN-DIVER-300", "Orion Diver 300", "Orion", "diver", "349.00", 3, 40, 8, 5),
            new Watch("ORN-PILOT-42", "Orion Pilot 42", "Orion", "pilot", "289.00", 3, 25, 4, 0),
            new Watch("ORN-FIELD-38", "Orion Field 38", "Orion", "field", "219.00", 2, 12, 2, 2),
            new Watch("CLD-CHRONO-40", "Calder Chronograph 40", "Calder", "chronograph", "649.00", 2, 10, 3, 1),
            new Watch("CLD-DRESS-36", "Calder Dress 36", "Calder", "dress", "499.00", 2, 6, 1, 0),
            new Watch("CLD-GMT-41", "Calder GMT 41", "Calder", "travel", "729.00", 2, 3, 0, 0),
            new Watch("MRD-SOLAR-39", "Meridian Solar 39", "Meridian", "field", "179.00", 5, 60, 12, 10),
            new Watch("MRD-TITAN-42", "Meridian Titanium 42", "Meridian", "diver", "399.00", 4, 20, 5, 4),
            new Watch("MRD-SLIM-34", "Meridian Slim 34", "Meridian", "dress", "259.00", 3, 2, 0, 0),
            new Watch("HLD-AUTO-40", "Halden Automatic 40", "Halden", "dress", "1190.00", 1, 5, 1, 1),
            new Watch("HLD-MOON-39", "Halden Moonphase 39", "Halden", "complication", "1890.00", 1, 2, 0, 1),
            new Watch("HLD-SKELETON-41", "Halden Skeleton 41", "Halden", "complication", "2450.00", 1, 0, 0, 0));

    private final AdminCommands commands;

    public DevSeed(AdminCommands commands) {
        this.commands = commands;
    }

    /** Sends the demo catalogue as {@code adminUsername}; returns how many commands were sent now. */
    public int seed(String adminUsername) {
        Requester admin = new Requester(adminUsername, Set.of(Role.ADMIN, Role.USER), "dev-seed");
        int sent = 0;
        sent += send(admin, new CreateLocation("seed-location-WH-MAIN", "WH-MAIN",
                "Main warehouse", LocationType.WAREHOUSE, 0));
        sent += send(admin, new CreateLocation("seed-location-DS-NORTH", "DS-NORTH",
                "Dark store North", LocationType.DARK_STORE, 1));
        sent += send(admin, new CreateLocation("seed-location-DS-SOUTH", "DS-SOUTH",
                "Dark store South", LocationType.DARK_STORE, 2));
        for (Watch watch : WATCHES) {
            sent += send(admin, new CreateItem("seed-item-" + watch.sku(), watch.sku(),
                    new ItemDetails(watch.name(), watch.brand(), watch.category(),
                            new Money(new BigDecimal(watch.price()), "EUR"),
                            Map.of("case", watch.name().replaceAll("\\D", "") + " mm"), watch.threshold())));
            sent += receive(admin, watch.sku(), "WH-MAIN", watch.main());
            sent += receive(admin, watch.sku(), "DS-NORTH", watch.north());
            sent += receive(admin, watch.sku(), "DS-SOUTH", watch.south());
        }
        return sent;
    }

    private int receive(Requester admin, String sku, String location, int quantity) {
        if (quantity <= 0) {
            return 0;
        }
        return send(admin, new ReceiveStock("seed-receive-" + sku + "-" + location, sku,
                location, quantity, "dev seed"));
    }

    private int send(Requester admin, Command command) {
        return commands.submit(admin, command).repeated() ? 0 : 1;
    }
}
