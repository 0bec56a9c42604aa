package cn.cztexchange.feedback;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One message sent to the operators, as stored. */
@Table("feedback")
record Feedback(@Id UUID id, String message, String contactEmail, String page, String language, Instant createdAt) {
}
