package io.stockroom.stock.ledger.adapter.out.persistence;

import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;
import org.bson.Document;

import java.util.Date;

/** Field names and conversions of the {@code stock_levels} and {@code stock_ledger} documents. */
final class StockDocuments {

    static final String STOCK = "stock_levels";
    static final String LEDGER = "stock_ledger";

    static final String ID = "_id";
    static final String SKU = "sku";
    static final String LOCATION = "location";
    static final String ON_HAND = "onHand";
    static final String RESERVED = "reserved";
    static final String AVAILABLE = "available";
    static final String VERSION = "version";
    static final String THRESHOLD = "lowStockThreshold";
    static final String PENDING = "pending";
    static final String UPDATED_AT = "updatedAt";
    static final String CREATED_AT = "createdAt";

    static final String STOCK_ID = "stockId";
    static final String KIND = "kind";
    static final String ON_HAND_DELTA = "onHandDelta";
    static final String RESERVED_DELTA = "reservedDelta";
    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    static final String NOTE = "note";
    static final String AT = "at";
    static final String OPERATION_ID = "operationId";
    static final String MARKED_AT = "markedAt";

    private StockDocuments() {
    }

    /**
     * The field under {@code pending} that marks an operation as applied to a record. Field names may not contain
     * '.' or start with '$', so those characters are escaped.
     */
    static String markerField(String operationId) {
        return PENDING + "." + markerName(operationId);
    }

    /** The name of an operation's marker inside {@code pending}. */
    static String markerName(String operationId) {
        return operationId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static StockLevel level(Document stock) {
        StockKey key = StockKey.parse(stock.getString(ID));
        return new StockLevel(key, new StockLevels(number(stock, ON_HAND), number(stock, RESERVED),
                number(stock, AVAILABLE)), number(stock, THRESHOLD), stock.get(VERSION, Number.class).longValue());
    }

    private static int number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.intValue();
    }

    /** The marker carries the whole ledger entry, so the janitor can write the entry if the writer died first. */
    static Document marker(Movement movement) {
        return ledgerFields(new Document(OPERATION_ID, movement.operationId()), LedgerEntry.of(movement));
    }

    static Document ledgerEntry(LedgerEntry entry) {
        return ledgerFields(new Document(ID, entry.operationId()), entry)
                .append(STOCK_ID, entry.key().id())
                .append(SKU, entry.key().sku())
                .append(LOCATION, entry.key().location());
    }

    private static Document ledgerFields(Document document, LedgerEntry entry) {
        Provenance provenance = entry.provenance();
        return document.append(KIND, entry.kind().name())
                .append(ON_HAND_DELTA, entry.onHandDelta())
                .append(RESERVED_DELTA, entry.reservedDelta())
                .append(ACTOR, provenance.actor())
                .append(CORRELATION_ID, provenance.correlationId())
                .append(NOTE, provenance.note())
                .append(AT, Date.from(provenance.at()));
    }

    /** Reads a ledger entry back from a ledger document or a marker on {@code key}'s record. */
    static LedgerEntry entry(Document document, StockKey key, String operationId) {
        return new LedgerEntry(operationId, key, MovementKind.valueOf(document.getString(KIND)),
                document.get(ON_HAND_DELTA, Number.class).intValue(),
                document.get(RESERVED_DELTA, Number.class).intValue(),
                new Provenance(document.getString(ACTOR), document.getString(CORRELATION_ID),
                        document.getString(NOTE), document.getDate(AT).toInstant()));
    }
}
