/**
 * Engagements: a match followed from an expression of interest to a deal closed or
 * dropped, with its message thread, its audit trail and notifications to the other side;
 * the expert directory and advisory requests; owns {@code engagements},
 * {@code engagement_events}, {@code engagement_messages} and {@code experts}.
 */
package cn.cztexchange.engagement;
