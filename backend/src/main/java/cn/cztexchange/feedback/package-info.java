/**
 * Feedback (意见反馈) that visitors send to the platform operators from any page of the web
 * app; owns the {@code feedback} table.
 */
package cn.cztexchange.feedback;
