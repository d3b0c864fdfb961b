package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client reads stays as it was read: the store updates documents in place, and the wire layer serializes an
 * answer after the collection's lock is released, so an answer holding the stored document itself could reach the
 * client half updated. Called on the backend directly, no wire in between, so the check is exact.
 */
class WholeReadsTest {

    enum Kind { MEMORY, FILE }

    private static final Document BUCKET = new Document("_id", "bucket");

    @TempDir
    Path directory;
    private MongoBackend backend;

    @AfterEach
    void close() {
        backend.close();
    }

    private MongoCollection<?> bucketWithVersion1(Kind kind) {
        backend = kind == Kind.MEMORY ? new EmbeddedMemoryBackend()
                : new EmbeddedH2Backend(directory.resolve("store.mv").toString());
        MongoCollection<?> buckets = backend.resolveDatabase("test").createCollectionOrThrowIfExists("buckets");
        buckets.addDocument(new Document("_id", "bucket").append("version", 1).append("state", "old"));
        return buckets;
    }

    private static Document toVersion2() {
        return new Document("$set", new Document("version", 2).append("state", "new"));
    }

    private static Document read(MongoCollection<?> buckets) {
        return buckets.handleQuery(new QueryParameters(BUCKET, 0, 0)).iterator().next();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_document_read_before_an_update_is_not_changed_by_it(Kind kind) {
        MongoCollection<?> buckets = bucketWithVersion1(kind);

        Document before = read(buckets);
        buckets.updateDocuments(BUCKET, toVersion2(), ArrayFilters.empty(), false, false, NoopOplog.get());

        assertThat(before.get("version")).isEqualTo(1);
        assertThat(before.get("state")).isEqualTo("old");
        assertThat(read(buckets).get("state")).isEqualTo("new");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void the_answer_of_a_find_and_modify_is_not_changed_by_a_later_update(Kind kind) {
        MongoCollection<?> buckets = bucketWithVersion1(kind);

        Document answer = buckets.findAndModify(new Document("query", BUCKET).append("update", toVersion2())
                .append("new", true));
        buckets.updateDocuments(BUCKET, new Document("$set", new Document("version", 3).append("state", "newer")),
                ArrayFilters.empty(), false, false, NoopOplog.get());

        Document value = (Document) answer.get("value");
        assertThat(value.get("version")).isEqualTo(2);
        assertThat(value.get("state")).isEqualTo("new");
        assertThat(read(buckets).get("version")).isEqualTo(3);
    }
}
