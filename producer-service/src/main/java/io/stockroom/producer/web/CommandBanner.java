package io.stockroom.producer.web;

import java.io.Serializable;

/**
 * What a page shows right after an admin form was accepted: the command id (app.js follows its outcome live) and a
 * sentence saying what was asked. Serializable: it travels to the next page as a flash attribute, in the session
 * that every producer instance shares.
 */
public record CommandBanner(String id, String label) implements Serializable {
}
