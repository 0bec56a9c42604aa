package cn.cztexchange.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a submission: its id, to quote when following it up, and when it was
 * received.
 */
record FeedbackReceipt(UUID id, Instant receivedAt) {
}
