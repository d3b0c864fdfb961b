package io.stockroom.producer.importing.application;

import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.domain.CommandReceipt;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.importing.domain.CsvLine;
import io.stockroom.producer.importing.domain.ImportReport;
import io.stockroom.producer.importing.domain.ImportRow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of items (and optionally their first stock) from CSV, read line by line as it arrives. Each valid row
 * becomes a CreateItem (and a ReceiveStock) command whose id is derived from the row's content, so uploading the
 * same file again sends nothing new: the audit log knows those ids (rows come back DUPLICATE), and the consumers
 * apply a command id once in any case.
 *
 * <p>Columns (header required, any order): {@code sku,name,brand,category,price,currency,lowStockThreshold} and
 * optionally {@code location,quantity}.
 */
public final class ItemImport {

    public static final int ROWS_MAX = 5_000;
    public static final int LINE_LENGTH_MAX = 4_096;
    static final List<String> REQUIRED = List.of("sku", "name", "brand", "category", "price", "currency",
            "lowstockthreshold");

    private final AdminCommands commands;
    private final ImportChecks checks;

    public ItemImport(AdminCommands commands, ImportChecks checks) {
        this.commands = commands;
        this.checks = checks;
    }

    /**
     * @throws IllegalArgumentException when the header is missing or lacks a required column
     * @throws IOException              when the upload breaks off
     */
    public ImportReport importCsv(Requester requester, Reader csv) throws IOException {
        return importCsv(requester, csv, false);
    }

    /**
     * @param dryRun check every row (fields, and whether the item or the location already conflicts) but send
     *               nothing; valid rows come back VALID
     */
    public ImportReport importCsv(Requester requester, Reader csv, boolean dryRun) throws IOException {
        BufferedReader reader = new BufferedReader(csv, 8_192);
        String headerLine = readLine(reader);
        if (headerLine == null) {
            throw new IllegalArgumentException("the CSV is empty: a header line is required");
        }
        Map<String, Integer> columns = header(headerLine);
        List<ImportRow> rows = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int lineNo = 1;
        String line;
        while ((line = readLine(reader)) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() >= ROWS_MAX) {
                rows.add(new ImportRow(lineNo, null, ImportRow.REJECTED, null,
                        List.of("at most " + ROWS_MAX + " rows per upload; this row and the rest were not read")));
                rejected++;
                break;
            }
            ImportRow row = importRow(requester, lineNo, line, columns, dryRun);
            rows.add(row);
            if (row.status().equals(ImportRow.REJECTED)) {
                rejected++;
            } else {
                accepted++;
            }
        }
        return new ImportReport(accepted, rejected, rows);
    }

    private static String readLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return stripCr(line);
            }
            if (line.length() >= LINE_LENGTH_MAX) {
                // Skip the rest of an overlong line; the row is then reported as invalid.
                while ((c = reader.read()) != -1 && c != '\n') {
                    // discard
                }
                return "\u0000overlong";
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : stripCr(line);
    }

    private static String stripCr(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = CsvLine.split(line);
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i).toLowerCase(java.util.Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV header lacks the column(s) " + missing
                    + "; expected sku,name,brand,category,price,currency,lowStockThreshold[,location,quantity]");
        }
        return columns;
    }

    private ImportRow importRow(Requester requester, int lineNo, String line, Map<String, Integer> columns,
                                boolean dryRun) {
        if (line.startsWith("\u0000")) {
            return new ImportRow(lineNo, null, ImportRow.REJECTED, null,
                    List.of("the line is longer than " + LINE_LENGTH_MAX + " characters"));
        }
        RowCheck row;
        try {
            row = new RowCheck(CsvLine.split(line), columns);
        } catch (IllegalArgumentException unreadable) {
            return new ImportRow(lineNo, null, ImportRow.REJECTED, null, List.of(unreadable.getMessage()));
        }
        String baseId = "imp-" + digest(line.strip());
        RowCheck.Commands commands = row.commands(baseId);
        List<String> errors = new ArrayList<>(row.errors());
        if (commands != null && dryRun) {
            // Only a dry run asks the read side: a real upload leaves conflicts to the consumers, so that sending
            // the same file twice reports DUPLICATE rows rather than refusing them.
            errors.addAll(checks.problems(commands.create(), commands.receive()));
        }
        if (!errors.isEmpty()) {
            return new ImportRow(lineNo, row.sku(), ImportRow.REJECTED, null, errors);
        }
        if (dryRun) {
            return new ImportRow(lineNo, row.sku(), ImportRow.VALID, null, null);
        }
        try {
            boolean repeated = this.commands.submit(requester, commands.create()).repeated();
            if (commands.receive() != null) {
                repeated &= this.commands.submit(requester, commands.receive()).repeated();
            }
            return new ImportRow(lineNo, row.sku(), repeated ? ImportRow.DUPLICATE : ImportRow.ACCEPTED, baseId, null);
        } catch (IllegalArgumentException refused) {
            return new ImportRow(lineNo, row.sku(), ImportRow.REJECTED, null, List.of(refused.getMessage()));
        }
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
