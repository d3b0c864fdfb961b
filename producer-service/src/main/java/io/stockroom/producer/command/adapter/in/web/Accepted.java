package io.stockroom.producer.command.adapter.in.web;

import io.stockroom.producer.command.domain.CommandReceipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The 202 answer to a command: its id and status, and where to follow its outcome. */
public record Accepted(String commandId, String status) {

    public static ResponseEntity<Accepted> of(CommandReceipt receipt) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/commands/" + receipt.commandId()))
                .body(new Accepted(receipt.commandId(), receipt.status().name()));
    }
}
