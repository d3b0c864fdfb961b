/**
 * The browser UI: Thymeleaf controllers, form records (Jakarta Validation) and view records. Controllers call the
 * application services (catalogue, admin commands, accounts, orders) and never touch persistence or the broker;
 * every form follows post/redirect/get with flash messages, and admin forms show the command's live outcome.
 */
package io.stockroom.producer.web;
