package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Query planning the way MongoDB does it for the one index every collection has: a filter that pins {@code _id} to
 * one value reads that one document through the {@code _id} index, whatever else the filter says. mongo-java-server
 * uses an index only when the filter names exactly the index's fields, so a guarded update such as
 * {@code {_id: X, version: 3}} would otherwise scan the whole collection.
 */
final class IdLookup {

    static final String ID = "_id";
    private static final String ID_INDEX = "_id_";
    private static final String AND = "$and";

    private IdLookup() {
    }

    /**
     * Answers {@code query} from the one document its {@code _id} names when it pins one, else by {@code scan}.
     *
     * @param byPositions matches the query against the documents at the given positions
     */
    static <P> QueryResult query(Document query, List<Index<P>> indexes, Function<Iterable<P>, QueryResult> byPositions,
                                 Supplier<QueryResult> scan) {
        Document byId = narrowing(query);
        Index<P> idIndex = byId == null ? null : idIndex(indexes);
        return idIndex == null ? scan.get() : byPositions.apply(idIndex.getPositions(byId));
    }

    /**
     * The {@code {_id: value}} filter that narrows {@code query} to at most one document, or null when the query does
     * not pin {@code _id} to a plain value (at the top level or inside a top-level {@code $and}), or is nothing but
     * that match (the store already serves it by index).
     */
    private static Document narrowing(Document query) {
        if (query == null || query.size() < 2 && !query.containsKey(AND)) {
            return null;
        }
        Object id = plainId(query.get(ID));
        if (id != null) {
            return new Document(ID, id);
        }
        if (query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document && plainId(document.get(ID)) != null) {
                    return new Document(ID, plainId(document.get(ID)));
                }
            }
        }
        return null;
    }

    /** The {@code _id} index among a collection's indexes, or null (a capped or system collection has none). */
    private static <P> Index<P> idIndex(List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            if (ID_INDEX.equals(index.getName())) {
                return index;
            }
        }
        return null;
    }

    /** Only scalar ids: a document value could be an operator expression such as {@code {$in: [...]}}. */
    private static Object plainId(Object value) {
        return value instanceof String || value instanceof Number || value instanceof ObjectId ? value : null;
    }
}
