package io.stockroom.contracts;

/** What an actor may do. Admins change items and stock; users (shoppers) place and cancel their own orders. */
public enum Role {
    ADMIN,
    USER
}
