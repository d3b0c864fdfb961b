/**
 * State that every producer instance must see alike, kept in MongoDB so that any instance can serve any request:
 * UI sessions ({@link io.stockroom.producer.shared.MongoSessionRepository}) and rate-limit buckets
 * ({@link io.stockroom.producer.shared.MongoBuckets}). Both use exact {@code _id} lookups and single-document updates,
 * which real MongoDB and the embedded store both serve without transactions.
 */
package io.stockroom.producer.shared;
