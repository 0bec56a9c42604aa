package cn.cztexchange.platform;

import java.time.Instant;

/**
 * One claimed outbox row.
 *
 * @param id its position in the outbox
 * @param key what it is about (an entity's id, as text)
 * @param payload what {@link Outbox#append} was given, as JSON text
 * @param createdAt when the change it announces was written
 */
public record OutboxRow(long id, String key, String payload, Instant createdAt) {
}
