package io.stockroom.launcher.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store alone, as a process of its own: {@code StoreServer <file> <port>}. The fault-injection suite
 * (e2e-tests) runs it this way so it can restart the store with its data while the services keep running. SIGTERM
 * closes it cleanly (the H2 file is committed); a kill -9 may lose the last second of writes, which real MongoDB with
 * its journal would not, so the suite restarts it with SIGTERM.
 */
public final class StoreServer {

    private StoreServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: StoreServer <file> <port>");
            System.exit(2);
        }
        EmbeddedMongo store = EmbeddedMongo.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-stop"));
        System.out.println("store listening on 127.0.0.1:" + store.port() + ", data in " + store.file());
        stopped.await();
    }
}
