package io.stockroom.support.messaging;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Sorts failures into "the message is bad" and "a dependency is down for now". */
final class Failures {

    private Failures() {
    }

    /**
     * True when the failure says nothing about the message: a store or the broker is unreachable. Such a message is
     * requeued after its retries rather than dead-lettered; the queue's delivery limit still bounds it.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof AmqpConnectException || t instanceof PublishFailedException
                    || t instanceof TransientFailure) {
                return true;
            }
        }
        return false;
    }
}
