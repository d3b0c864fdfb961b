package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server 1.47 knows the legacy {@code isMaster} command but not its successor {@code hello}, which Spring
 * Boot's MongoDB health indicator sends: without this every service on the embedded store would report itself DOWN.
 */
final class HelloAnswer {

    private HelloAnswer() {
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    /** The {@code isMaster} answer, with the field {@code hello} adds. */
    static Document of(Document isMasterAnswer) {
        isMasterAnswer.put("isWritablePrimary", Boolean.TRUE);
        return isMasterAnswer;
    }
}
