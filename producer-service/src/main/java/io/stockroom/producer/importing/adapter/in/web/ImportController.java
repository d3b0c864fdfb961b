package io.stockroom.producer.importing.adapter.in.web;

import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.importing.application.ItemImport;
import io.stockroom.producer.importing.domain.ImportReport;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** CSV import, read straight from the request stream (never buffered whole; the body filter caps its size). */
@ApiController("api.importController")
class ImportController {

    private final ItemImport itemImport;

    ImportController(ItemImport itemImport) {
        this.itemImport = itemImport;
    }

    @PostMapping(value = "/api/imports/items", consumes = {"text/csv", "text/plain"})
    ImportReport importItems(@RequestParam(defaultValue = "false") boolean dryRun, Authentication who,
                             HttpServletRequest request) throws IOException {
        try (Reader csv = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            return itemImport.importCsv(Requesters.of(who, request), csv, dryRun);
        }
    }
}
