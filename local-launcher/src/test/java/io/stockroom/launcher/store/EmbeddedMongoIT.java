package io.stockroom.launcher.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoIT {

    @TempDir
    Path directory;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() {
        Path file = directory.resolve("mongo.mv");
        try (EmbeddedMongo first = EmbeddedMongo.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(first.uri("stockroom"))) {
            MongoCollection<Document> items = client.getDatabase("stockroom").getCollection("items");
            items.insertOne(new Document("_id", "W-1").append("name", "Diver 300").append("version", 1));
            items.insertOne(new Document("_id", "W-2").append("name", "Pilot 42").append("version", 1));
            items.updateOne(Filters.eq("_id", "W-1"), Updates.inc("version", 1));
            items.deleteOne(Filters.eq("_id", "W-2"));
        }
        assertThat(file).exists();

        try (EmbeddedMongo second = EmbeddedMongo.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(second.uri("stockroom"))) {
            MongoCollection<Document> items = client.getDatabase("stockroom").getCollection("items");
            assertThat(items.countDocuments()).isEqualTo(1);
            Document diver = items.find(Filters.eq("_id", "W-1")).first();
            assertThat(diver).isNotNull();
            assertThat(diver.getString("name")).isEqualTo("Diver 300");
            assertThat(diver.getInteger("version")).isEqualTo(2);
        }
    }

    @Test
    void itAnswersTheHelloCommandThatSpringBootsHealthIndicatorSends() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory.resolve("hello.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri("stockroom"))) {
            Document hello = client.getDatabase("stockroom").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(MongoProbe.answersPing(mongo.uri("stockroom"), Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void theProbeTellsAFreePortFromOneWhereMongoAnswers() throws Exception {
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory.resolve("probe.mv"), "127.0.0.1", 0)) {
            port = mongo.port();
            assertThat(MongoProbe.listening("127.0.0.1", port, Duration.ofSeconds(1))).isTrue();
        }
        assertThat(MongoProbe.listening("127.0.0.1", port, Duration.ofSeconds(1))).isFalse();
        assertThat(MongoProbe.answersPing("mongodb://127.0.0.1:" + port, Duration.ofMillis(500))).isFalse();
        assertThat(Files.exists(directory.resolve("probe.mv"))).isTrue();
    }
}
