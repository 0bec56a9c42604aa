/**
 * Saved searches and their alerts: a user keeps searches of the catalogue, and hears of
 * new entries that match them, in the app at once and by a daily email digest.
 */
package cn.cztexchange.alerts;
