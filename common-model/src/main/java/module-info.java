/**
 * The message contracts. A named module only so that the sealed {@link io.stockroom.contracts.Payload} hierarchy may
 * span the feature packages (the language allows that within one module); the services use it from the class path.
 */
module io.stockroom.contracts {
    exports io.stockroom.contracts;
    exports io.stockroom.contracts.account;
    exports io.stockroom.contracts.item;
    exports io.stockroom.contracts.location;
    exports io.stockroom.contracts.order;
    exports io.stockroom.contracts.stock;
}
