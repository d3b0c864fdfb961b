package io.stockroom.producer.browser;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.producer.catalogue.domain.StockCounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an admin does with the catalogue: find items, read consistent stock figures, change stock and see the
 * screen follow the outcome in place, edit and archive, work on a selection, export and import CSV, read the audit
 * log. Where a consumer would answer, the test publishes that consumer's events and outcome.
 */
class AdminJourneyIT extends BrowserTest {

    @Test
    void an_admin_finds_items_by_sku_and_by_category_and_reads_one_count_for_each_stock_figure() {
        signInAsAdmin();
        browser.open("/admin?q=watch-chr");
        assertThat(rows("[data-items-table]")).containsExactly(CHRONO);
        browser.open("/admin?q=diver");
        assertThat(rows("[data-items-table]")).contains(DIVER).doesNotContain(FIELD, CHRONO);
        browser.open("/admin?stock=OUT");
        assertThat(rows("[data-items-table]")).contains(CHRONO).doesNotContain(DIVER, FIELD);

        browser.open("/admin");
        StockCounts counts = catalogue.counts();
        assertThat(browser.text("[data-count-out]")).isEqualTo(Long.toString(counts.out()));
        assertThat(browser.text("[data-count-low]")).isEqualTo(Long.toString(counts.low()));
        assertThat(counts.out()).as("never-stocked items count as out of stock").isPositive();
        assertThat(browser.find("[data-health-link]").getAttribute("href")).isEqualTo("http://localhost:8085/");
        browser.capture("admin-items");
        browser.script("document.querySelector('[data-nav-toggle]').click()");
        assertThat(browser.attribute("[data-nav-toggle]", "aria-expanded")).isEqualTo("true");
        browser.capture("admin-menu-open");

        browser.open("/admin/alerts");
        assertThat(browser.exists("[data-tab].active")).as("the menu's link opens a tab").isTrue();
        browser.open("/admin/alerts?show=out");
        assertThat(browser.text("[data-out-count]")).isEqualTo(Long.toString(counts.out()));
        assertThat(browser.text("[data-low-count]")).isEqualTo(Long.toString(counts.low()));
        assertThat(browser.text("[data-alerts]")).contains(CHRONO);
        browser.capture("admin-alerts");
        browser.open("/admin/alerts?show=low");
        assertThat(browser.text("[data-alerts]")).contains(DIVER);
        browser.open("/admin/alerts?show=locations");
        assertThat(browser.text("[data-location-alerts]")).contains(DIVER).contains(WAREHOUSE);
        browser.capture("admin-alerts-by-location");
    }

    @Test
    void a_stock_change_shows_in_the_grid_as_soon_as_its_outcome_arrives_without_a_reload() {
        String sku = "GRID-" + System.nanoTime();
        item(sku, "Navitimer B01", "Breitling", "Pilot", "8900.00", 2, 0);
        signInAsAdmin();
        browser.open("/admin/items/" + sku);
        assertThat(browser.text("[data-region=stock]")).contains("No stock yet");
        browser.select("#receive-location", WAREHOUSE);
        browser.type("#receive-quantity", "20");
        browser.clickAndWait("[data-receive-form] button[type=submit]");
        String commandId = browser.attribute("[data-command-id]", "data-command-id");
        assertThat(browser.text("[data-command-id]")).doesNotContain(commandId).doesNotContain("stock.receive");
        browser.markDocument();
        browser.capture("admin-item-pending");

        publish(new StockChanged(sku, WAREHOUSE, StockLevels.of(20, 0), 2, 1,
                commandId, MovementKind.RECEIVED, Instant.now()));
        applied(commandId, MessageType.RECEIVE_STOCK, sku + "@" + WAREHOUSE, "Received 20; on hand 20");
        browser.waitUntil(d -> "APPLIED".equals(browser.attribute("[data-command-id]", "data-command-status")));
        assertThat(browser.text("[data-command-message]")).isEqualTo("Received 20; on hand 20.");
        browser.waitUntil(d -> browser.exists("[data-stock-grid] [data-location='" + WAREHOUSE + "'] [data-on-hand]")
                && browser.text("[data-stock-grid] [data-location='" + WAREHOUSE + "'] [data-on-hand]").equals("20"));
        assertThat(browser.text("[data-total-available]")).startsWith("20 available");
        assertThat(browser.sameDocument()).as("the grid changed in place").isTrue();
        browser.capture("admin-item");

        // An order elsewhere reserves units: the open item page follows the stock it shows.
        publish(new StockChanged(sku, WAREHOUSE, StockLevels.of(20, 5), 2, 2,
                "elsewhere", MovementKind.RESERVED, Instant.now()));
        browser.waitUntil(d -> browser.text("[data-stock-grid] [data-location='" + WAREHOUSE + "'] [data-reserved]")
                .equals("5"));
        assertThat(browser.sameDocument()).isTrue();
    }

    @Test
    void new_items_and_locations_appear_in_their_lists_when_applied() {
        signInAsAdmin();
        String sku = "NEW-" + System.nanoTime();
        browser.open("/admin/items/new");
        browser.type("#sku", "bad sku");
        browser.type("#priceAmount", "12.345");
        browser.clickAndWait("[data-add-item-form] button[type=submit]");
        assertThat(browser.text("[data-add-item-form]")).contains("Enter a name.").contains("Enter a price such as");
        browser.capture("admin-item-new-errors");
        browser.type("#sku", sku);
        browser.type("#name", "Pilot Automatic");
        browser.type("#newBrand", "Hamilton");
        browser.type("#newCategory", "Pilot");
        browser.type("#priceAmount", "795.00");
        browser.clickAndWait("[data-add-item-form] button[type=submit]");
        assertThat(browser.path()).startsWith("/admin");
        String created = browser.attribute("[data-command-id]", "data-command-id");
        browser.markDocument();
        publish(new ItemCreated(sku, details("795.00", 5), 1, Instant.now()));
        applied(created, MessageType.CREATE_ITEM, sku, "Item " + sku + " created");
        browser.waitUntil(d -> browser.exists("[data-items-table] [data-sku='" + sku + "']"));
        assertThat(browser.sameDocument()).isTrue();

        String code = "WH-" + (System.nanoTime() % 100_000);
        browser.open("/admin/locations");
        browser.type("#code", code);
        browser.type("#locName", "Geneva warehouse");
        browser.clickAndWait("[data-location-form] button[type=submit]");
        String location = browser.attribute("[data-command-id]", "data-command-id");
        browser.markDocument();
        publish(new LocationChanged(code, "Geneva warehouse", LocationType.WAREHOUSE,
                10, true, LocationChanged.Change.REGISTERED, 1, Instant.now()));
        applied(location, MessageType.CREATE_LOCATION, code, "Location " + code + " registered");
        browser.waitUntil(d -> browser.exists("[data-locations] [data-location='" + code + "']"));
        assertThat(browser.sameDocument()).isTrue();
        browser.capture("admin-locations");

        browser.clickAndWait("[data-location='" + code + "'] [data-edit-location]");
        browser.type("#locName", "Geneva central warehouse");
        browser.capture("admin-location-edit");
        browser.clickAndWait("[data-location-edit-form] button[type=submit]");
        String edit = browser.attribute("[data-command-id]", "data-command-id");
        publish(new LocationChanged(code, "Geneva central warehouse",
                LocationType.WAREHOUSE, 10, true, LocationChanged.Change.UPDATED, 2, Instant.now()));
        applied(edit, MessageType.UPDATE_LOCATION, code, "Location " + code + " saved");
        browser.waitUntil(d -> browser.text("[data-locations] [data-location='" + code + "']")
                .contains("Geneva central warehouse"));
    }

    @Test
    void an_admin_edits_an_item_then_archives_it_and_a_refusal_reads_as_a_sentence() {
        String sku = "EDIT-" + System.nanoTime();
        item(sku, "Tank Must", "Cartier", "Dress", "2900.00", 1, 0);
        signInAsAdmin();
        browser.open("/admin/items/" + sku);
        browser.clickAndWait("[data-edit-item]");
        assertThat(browser.attribute("#sku", "readonly")).as("the SKU cannot change").isNotNull();
        browser.type("#priceAmount", "3100.00");
        browser.capture("admin-item-edit");
        browser.clickAndWait("[data-item-form] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/admin/items/" + sku);
        String edit = browser.attribute("[data-command-id]", "data-command-id");
        publish(new ItemUpdated(sku, details("3100.00", 1), 2, Instant.now()));
        applied(edit, MessageType.UPDATE_ITEM, sku, "Item " + sku + " updated");
        browser.waitUntil(d -> browser.text("[data-region=item-head]").contains("3,100.00 EUR"));

        browser.clickConfirmAndWait("[data-archive-item]");
        String archive = browser.attribute("[data-command-id]", "data-command-id");
        publish(CommandOutcome.rejected(archive, MessageType.DELETE_ITEM, sku, RejectionCode.STALE_VERSION,
                "Item " + sku + " is at version 3, not 2; reload it and try again", Instant.now()));
        browser.waitUntil(d -> "REJECTED".equals(browser.attribute("[data-command-id]", "data-command-status")));
        assertThat(browser.text("[data-command-message]")).startsWith("Someone changed this item after you opened "
                + "it").doesNotContain("STALE_VERSION");
        assertThat(browser.text("[data-command-badge]")).isEqualTo("Refused");

        browser.open("/admin/items/" + sku);
        browser.clickConfirmAndWait("[data-archive-item]");
        String second = browser.attribute("[data-command-id]", "data-command-id");
        browser.open("/admin?q=" + sku);
        assertThat(rows("[data-items-table]")).containsExactly(sku);
        browser.markDocument();
        publish(new ItemDeleted(sku, 3, Instant.now()));
        applied(second, MessageType.DELETE_ITEM, sku, "Item deleted");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogue.item(sku).isEmpty());
        browser.open("/admin?q=" + sku);
        assertThat(browser.exists("[data-items-table]")).isFalse();
    }

    @Test
    void a_selection_gets_a_new_low_stock_level_in_one_go_and_exports_as_csv() {
        signInAsAdmin();
        browser.open("/admin?q=watch-");
        browser.find("[data-sku='" + DIVER + "'] [data-select]").click();
        browser.find("[data-sku='" + FIELD + "'] [data-select]").click();
        assertThat(browser.text("[data-bulk-count]")).isEqualTo("2 selected");
        browser.capture("admin-items-selected");
        String csv = (String) browser.script("""
                const body = new URLSearchParams([['skus', arguments[0]], ['skus', arguments[1]],
                  ['_csrf', document.querySelector('meta[name=_csrf]').content]]);
                return fetch('/admin/items/export.csv', {method: 'POST', body}).then(r => r.text());""",
                DIVER, FIELD);
        assertThat(csv).startsWith("sku,name,brand,category,price,currency,lowStockThreshold,available,stockStatus")
                .contains(DIVER + ",Prospex Diver 200m,Seiko,Diver,399.00,EUR,5,3,LOW")
                .contains(FIELD + ",Khaki Field Mechanical");
        String all = (String) browser.script("return fetch('/admin/items/export.csv?stock=OUT').then(r => r.text());");
        assertThat(all).contains(CHRONO).doesNotContain(DIVER);

        browser.type("#bulk-level", "7");
        browser.clickAndWait("[data-bulk] button[value=level]");
        assertThat(browser.findAll(".command-list [data-command-id]")).hasSize(2);
        assertThat(browser.text(".command-list")).contains("Set the low-stock level of " + DIVER + " to 7");
        browser.capture("admin-items-bulk-sent");
    }

    @Test
    void an_import_lists_every_problem_of_every_row_and_a_check_sends_nothing() throws IOException {
        signInAsAdmin();
        String template = (String) browser.script(
                "return fetch('/admin/import/template.csv').then(r => r.text());");
        assertThat(template).startsWith("sku,name,brand,category,price,currency,lowStockThreshold,location,quantity");
        String good = "IMP-" + System.nanoTime();
        Path csv = Files.createTempFile("items-", ".csv");
        Files.writeString(csv, """
                sku,name,brand,category,price,currency,lowStockThreshold,location,quantity
                %s,Dress Classic,Tissot,Dress,420.00,EUR,2,,
                bad sku,,Tissot,Dress,12.345,EUR,-1,,
                %s,Diver copy,Seiko,Diver,10.00,EUR,1,NOWHERE,5
                """.formatted(good, DIVER));
        long sentBefore = mongo.getCollection("admin_actions").countDocuments();
        browser.open("/admin/import");
        browser.capture("admin-import");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.script("document.querySelector('[data-dry-run]').click()");
        assertThat(browser.attribute("[data-dry-run]", "checked")).isEqualTo("true");
        browser.clickAndWait("[data-import-form] button[type=submit]");
        assertThat(browser.text("[data-import-report]")).contains("1 ready").contains("2 with problems");
        String badRow = browser.text("[data-row='3'] [data-row-errors]");
        assertThat(badRow).contains("sku must be").contains("name is required").contains("decimal places")
                .contains("lowStockThreshold");
        assertThat(browser.text("[data-row='4'] [data-row-errors]")).contains("exists already")
                .contains("no location NOWHERE");
        assertThat(mongo.getCollection("admin_actions").countDocuments()).as("a check sends nothing")
                .isEqualTo(sentBefore);
        browser.capture("admin-import-check");

        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("[data-import-form] button[type=submit]");
        // A real upload leaves conflicts (an existing SKU, an unknown location) to the consumers, which refuse them
        // live; only rows whose own fields are wrong are held back.
        assertThat(browser.text("[data-import-report]")).contains("2 sent").contains("1 with problems");
        String sent = browser.attribute("[data-row='2']", "data-command-id");
        publish(new ItemCreated(good, details("420.00", 2), 1, Instant.now()));
        applied(sent, MessageType.CREATE_ITEM, good, "Item " + good + " created");
        browser.waitUntil(d -> "APPLIED".equals(browser.attribute("[data-row='2']", "data-command-status")));
        browser.capture("admin-import-report");
        Files.deleteIfExists(csv);
    }

    @Test
    void the_audit_log_speaks_in_sentences_and_a_page_past_the_end_shows_the_last() {
        signInAsAdmin();
        browser.open("/admin/items/" + FIELD);
        browser.select("#receive-location", WAREHOUSE);
        browser.type("#receive-quantity", "1");
        browser.clickAndWait("[data-receive-form] button[type=submit]");
        browser.open("/admin/actions");
        String visible = browser.text("[data-actions]");
        assertThat(visible).doesNotContain("stock.receive").doesNotContain("item.create").doesNotContain("cmd-");
        browser.capture("admin-audit-log");
        browser.open("/admin/actions?page=399");
        assertThat(browser.path()).startsWith("/admin/actions");
        assertThat(browser.text(".pager")).startsWith("Showing 1").doesNotContain("Showing 0");
        browser.open("/admin/actions?status=REJECTED");
        browser.capture("admin-audit-log-refused");
    }

    private java.util.List<String> rows(String table) {
        return browser.findAll(table + " tbody tr[data-sku]").stream().map(e -> e.getAttribute("data-sku")).toList();
    }

    private static ItemDetails details(String price, int threshold) {
        return new ItemDetails("Item", "Brand", "Category", new Money(new BigDecimal(price), "EUR"), Map.of(),
                threshold);
    }
}
