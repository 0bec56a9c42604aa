/**
 * Booking shared instruments: opening hours, closures and booking rules; machine-time and
 * sample-submission requests and their approval; prices, vouchers and statements; usage,
 * no-shows and ratings; calendars. PostgreSQL itself rules out double booking.
 */
package cn.cztexchange.booking;
