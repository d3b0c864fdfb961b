package io.stockroom.producer.importing.adapter.in.web;

import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.importing.application.ItemImport;
import io.stockroom.producer.importing.domain.ImportReport;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CSV import: the upload form and, after an upload, the per-row report (rows that were sent follow their command's
 * outcome live). The report is handed over as a flash attribute so a reload never uploads twice.
 */
@Controller("ui.importController")
class AdminImportController {

    private final ItemImport itemImport;
    /** Upper bound on an upload, the API's CSV body limit; {@link ItemImport#ROWS_MAX} rows fit well within it. */
    private final long uploadBytesMax;

    AdminImportController(ItemImport itemImport, ProducerProperties properties) {
        this.itemImport = itemImport;
        this.uploadBytesMax = properties.bodies().csvBytesMax();
    }

    @GetMapping("/admin/import")
    String form(Model model) {
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", null);
        }
        return "admin/import";
    }

    /** A file to start from: the header and two example rows (the second with opening stock). */
    @GetMapping(value = "/admin/import/template.csv", produces = "text/csv")
    ResponseEntity<String> template() {
        String csv = "sku,name,brand,category,price,currency,lowStockThreshold,location,quantity\r\n"
                + "WATCH-001,Diver 300,Seiko,Watches,349.00,EUR,3,,\r\n"
                + "WATCH-002,Field Automatic,Hamilton,Watches,545.00,EUR,2,WH-MAIN,10\r\n";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"items-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                  Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        if (file.isEmpty()) {
            Flash.error(redirect, "Choose a CSV file to import.");
            return "redirect:/admin/import";
        }
        if (file.getSize() > uploadBytesMax) {
            Flash.error(redirect, String.format(Locale.ROOT,
                    "The file is larger than %d MB. Split it into files of at most %,d rows.",
                    uploadBytesMax / (1024 * 1024), ItemImport.ROWS_MAX));
            return "redirect:/admin/import";
        }
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ImportReport report = itemImport.importCsv(Requesters.of(auth, request), csv, dryRun);
            redirect.addFlashAttribute("report", report);
            redirect.addFlashAttribute("dryRun", dryRun);
            if (dryRun) {
                Flash.ok(redirect, "Checked " + rows(report.accepted() + report.rejected()) + ": "
                        + report.accepted() + " ready, " + report.rejected() + " with problems. Nothing was sent; "
                        + "upload the file again without \"Check only\" to import it.");
            } else {
                Flash.ok(redirect, rows(report.accepted()) + " sent, " + report.rejected() + " not imported. Sent "
                        + "rows are applied by the catalogue service; their status updates below.");
            }
        } catch (IllegalArgumentException badFile) {
            Flash.error(redirect, "The file was not imported: " + badFile.getMessage());
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, "The import stopped because the message broker did not confirm a row. Upload the "
                    + "same file again: rows already sent are not applied twice.");
        } catch (IOException unreadable) {
            Flash.error(redirect, "The file could not be read. Save it as UTF-8 CSV and try again.");
        }
        return "redirect:/admin/import";
    }

    private static String rows(int count) {
        return count == 1 ? "1 row" : count + " rows";
    }
}
