package io.stockroom.launcher.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.stockroom.store.embedded.EmbeddedH2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An in-process MongoDB-wire server whose data lives in one H2 MVStore file, so it survives a restart. It has no
 * transactions, and uses no index but {@code _id} (see {@code embedded-store}); it is for the local run.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final Path file;
    private final MongoServer server;
    private final H2Backend backend;
    private final String host;
    private final int port;

    private EmbeddedMongo(Path file, H2Backend backend, MongoServer server, String host, int port) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** Opens (or creates) {@code file} and serves it on {@code host:port}; port 0 picks a free port. */
    public static EmbeddedMongo start(Path file, String host, int port) {
        Objects.requireNonNull(file, "file");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
        H2Backend backend = new EmbeddedH2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongo(file, backend, server, host, server.getLocalAddress().getPort());
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    /** The connection string for database {@code database} on this server. */
    public String uri(String database) {
        return "mongodb://" + host + ":" + port + "/" + database;
    }

    /** Stops accepting clients, then commits and closes the file (the backend is closed by the server). */
    @Override
    public void close() {
        server.shutdownNow();
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
    }
}
