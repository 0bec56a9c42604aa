package cn.cztexchange.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.platform.Outbox;

/**
 * Tells users about a change through the outbox: call {@link #announce} inside the
 * transaction of the change, and the notices are delivered (as in-app notifications, and
 * emails where asked for) once it commits, or never if it rolls back. The change's
 * transaction writes one outbox row, whatever the number of recipients: finding the
 * recipients and their languages is {@link NoticeHandler}'s work, done in batches.
 */
@Service
public class Notices {

	/** The outbox topic of notices waiting to be delivered. */
	public static final String TOPIC = "notice";

	private final Outbox outbox;

	private final JsonMapper json;

	Notices(Outbox outbox, JsonMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	/** Queues the notices for delivery, in the caller's transaction. */
	public Mono<Void> announce(String key, List<Notice> notices) {
		return notices.isEmpty() ? Mono.empty() : this.outbox.append(TOPIC, key, Map.of("notices", notices));
	}

	/**
	 * The outbox payload that {@link #announce} would write, for a caller that appends
	 * the outbox row within a statement of its own (topic {@link #TOPIC}).
	 */
	public String payload(List<Notice> notices) {
		return this.json.writeValueAsString(Map.of("notices", notices));
	}

	/** What a payload holds. */
	List<Notice> read(String payload) {
		return this.json.readValue(payload, Payload.class).notices();
	}

	private record Payload(List<Notice> notices) {
	}

}
