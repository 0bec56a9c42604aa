package cn.cztexchange.platform;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binding that takes nulls in stride: R2DBC needs the type of a null parameter spelled
 * out.
 */
public final class Sql {

	private Sql() {
	}

	public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/** Escapes a user's search text for use inside {@code ILIKE '%…%'}. */
	public static String containsPattern(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
