/**
 * Notifications to users: the in-app list with read state, and email through the
 * transactional outbox; owns the {@code notifications} table and the outbox topic
 * {@code email}.
 */
package cn.cztexchange.notification;
