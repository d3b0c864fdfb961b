package io.stockroom.contracts.account;

import io.stockroom.contracts.Event;

/** A change to a user account, published by the producer that made it, for every producer instance. */
public sealed interface AccountEvent extends Event permits AccountChanged {
}
