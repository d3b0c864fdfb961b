package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.api.ApiException;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.AdjustRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.CountRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.CreateItemRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.CreateLocationRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.Price;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.ReceiveRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.ThresholdRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.TransferRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.UpdateItemRequest;
import io.stockroom.producer.catalogue.adapter.in.web.AdminCommandRequests.UpdateLocationRequest;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.adapter.in.web.Accepted;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin command API: each call validates, records, publishes (confirmed) and answers 202 with the command id. */
@ApiController("api.adminCommandController")
@RequestMapping("/api")
class AdminCommandController {

    private final AdminCommands commands;
    private final Catalogue catalogue;

    AdminCommandController(AdminCommands commands, Catalogue catalogue) {
        this.commands = commands;
        this.catalogue = catalogue;
    }

    private ResponseEntity<Accepted> send(Authentication who, HttpServletRequest request, Command command) {
        return Accepted.of(commands.submit(Requesters.of(who, request), command));
    }

    private static ItemDetails details(String name, String brand, String category, Price price,
                                       java.util.Map<String, String> attributes, int threshold) {
        return new ItemDetails(name, brand, category, new Money(price.amount(), price.currency()), attributes,
                threshold);
    }

    @PostMapping("/items")
    ResponseEntity<Accepted> createItem(@Valid @RequestBody CreateItemRequest body, Authentication who,
                                        HttpServletRequest request) {
        return send(who, request, new CreateItem(commands.newCommandId(), body.sku(),
                details(body.name(), body.brand(), body.category(), body.price(), body.attributes(),
                        body.lowStockThreshold())));
    }

    @PutMapping("/items/{sku}")
    ResponseEntity<Accepted> updateItem(@PathVariable String sku, @Valid @RequestBody UpdateItemRequest body,
                                        Authentication who, HttpServletRequest request) {
        return send(who, request, new UpdateItem(commands.newCommandId(), sku,
                body.expectedVersion(), details(body.name(), body.brand(), body.category(), body.price(),
                body.attributes(), body.lowStockThreshold())));
    }

    /** Without {@code expectedVersion}, the version the read side holds is used. */
    @DeleteMapping("/items/{sku}")
    ResponseEntity<Accepted> deleteItem(@PathVariable String sku, @RequestParam(required = false) Long expectedVersion,
                                        Authentication who, HttpServletRequest request) {
        long version = expectedVersion != null ? expectedVersion : catalogue.item(sku)
                .orElseThrow(() -> ApiException.notFound("Item " + sku)).version();
        return send(who, request, new DeleteItem(commands.newCommandId(), sku, version));
    }

    @PostMapping("/locations")
    ResponseEntity<Accepted> createLocation(@Valid @RequestBody CreateLocationRequest body, Authentication who,
                                            HttpServletRequest request) {
        return send(who, request, new CreateLocation(commands.newCommandId(),
                body.code(), body.name(), body.type(), body.priority()));
    }

    /** Renames a location or changes its type or priority; its code stays. */
    @PutMapping("/locations/{code}")
    ResponseEntity<Accepted> updateLocation(@PathVariable String code, @Valid @RequestBody UpdateLocationRequest body,
                                            Authentication who, HttpServletRequest request) {
        return send(who, request, new UpdateLocation(commands.newCommandId(), code,
                body.name(), body.type(), body.priority()));
    }

    @PostMapping("/locations/{code}/deactivate")
    ResponseEntity<Accepted> deactivate(@PathVariable String code, Authentication who, HttpServletRequest request) {
        return send(who, request, new DeactivateLocation(commands.newCommandId(), code));
    }

    @PostMapping("/locations/{code}/reactivate")
    ResponseEntity<Accepted> reactivate(@PathVariable String code, Authentication who, HttpServletRequest request) {
        return send(who, request, new ReactivateLocation(commands.newCommandId(), code));
    }

    @PostMapping("/stock/{sku}/{location}/receive")
    ResponseEntity<Accepted> receive(@PathVariable String sku, @PathVariable String location,
                                     @Valid @RequestBody ReceiveRequest body, Authentication who,
                                     HttpServletRequest request) {
        return send(who, request, new ReceiveStock(commands.newCommandId(), sku, location,
                body.quantity(), body.note()));
    }

    @PostMapping("/stock/{sku}/{location}/adjust")
    ResponseEntity<Accepted> adjust(@PathVariable String sku, @PathVariable String location,
                                    @Valid @RequestBody AdjustRequest body, Authentication who,
                                    HttpServletRequest request) {
        return send(who, request, new AdjustStock(commands.newCommandId(), sku, location,
                body.delta(), body.reason(), body.note()));
    }

    @PostMapping("/stock/{sku}/{location}/count")
    ResponseEntity<Accepted> count(@PathVariable String sku, @PathVariable String location,
                                   @Valid @RequestBody CountRequest body, Authentication who,
                                   HttpServletRequest request) {
        return send(who, request, new SetStockCount(commands.newCommandId(), sku,
                location, body.expectedOnHand(), body.newOnHand(), null));
    }

    @DeleteMapping("/stock/{sku}/{location}")
    ResponseEntity<Accepted> remove(@PathVariable String sku, @PathVariable String location, Authentication who,
                                    HttpServletRequest request) {
        return send(who, request, new RemoveStockRecord(commands.newCommandId(), sku, location));
    }

    @PostMapping("/stock/{sku}/{location}/threshold")
    ResponseEntity<Accepted> threshold(@PathVariable String sku, @PathVariable String location,
                                       @Valid @RequestBody ThresholdRequest body, Authentication who,
                                       HttpServletRequest request) {
        return send(who, request, new SetLowStockThreshold(
                commands.newCommandId(), sku, location, body.threshold()));
    }

    @PostMapping("/stock/transfers")
    ResponseEntity<Accepted> transfer(@Valid @RequestBody TransferRequest body, Authentication who,
                                      HttpServletRequest request) {
        return send(who, request, new TransferStock(commands.newCommandId(), body.sku(),
                body.from(), body.to(), body.quantity()));
    }

    @PostMapping("/stock/audits")
    ResponseEntity<Accepted> audit(Authentication who, HttpServletRequest request) {
        return send(who, request, new AuditStock(commands.newCommandId()));
    }
}
