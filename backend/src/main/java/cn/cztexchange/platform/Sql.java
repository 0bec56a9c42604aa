package cn.cztexchange.platform;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;

/**
 * Helpers for {@code DatabaseClient}: binding that takes nulls in stride (R2DBC needs the
 * type of a null parameter spelled out), rows read whole, patterns for {@code ILIKE}.
 */
public final class Sql {

	private Sql() {
	}

	public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/**
	 * The rows, read to the end before the first is handed on
	 * ({@code .all().as(Sql::whole)}). A consumer that runs a query for each row would
	 * otherwise need the connection while it still streams: in a transaction, which has
	 * one connection, that waits for ever; outside one, it holds a pooled connection the
	 * whole time, and cancelling half-way leaves that connection in doubt.
	 */
	public static <T> Flux<T> whole(Flux<T> rows) {
		return rows.collectList().flatMapMany(Flux::fromIterable);
	}

	/** Escapes a user's search text for use inside {@code ILIKE '%…%'}. */
	public static String containsPattern(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
