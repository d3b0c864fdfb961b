package io.stockroom.producer.web;

/**
 * What a page shows right after an admin form was accepted: the command id (app.js follows its outcome live) and a
 * sentence saying what was asked.
 */
public record CommandBanner(String id, String label) {
}
