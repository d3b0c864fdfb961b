/**
 * What every page of the browser UI shares, and nothing feature-specific: the home redirect, flash messages and the
 * command banner, formats of money and times, paging, region refreshes, cookie-only sessions and the model attributes
 * every page needs. The pages themselves (controllers, forms, views) live in their feature's
 * {@code <feature>.adapter.in.web}; this package depends on no feature.
 */
package io.stockroom.producer.web;
