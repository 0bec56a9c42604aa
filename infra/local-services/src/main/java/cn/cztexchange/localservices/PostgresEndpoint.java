package cn.cztexchange.localservices;

/**
 * Where the local PostgreSQL listens and how to log in.
 *
 * @param host the loopback address the server listens on
 * @param port its TCP port
 * @param database the application database, created on the first start
 * @param username the superuser created by initdb
 * @param password the password to send; the server trusts loopback connections and
 * ignores it, but drivers and pools that insist on one get a value
 */
public record PostgresEndpoint(String host, int port, String database, String username, String password) {

	/** JDBC URL, for Flyway and anything else that talks JDBC. */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** R2DBC URL, for the reactive application code. */
	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
	}

	@Override
	public String toString() {
		// Endpoints end up in logs; keep passwords out of them by habit even though this
		// one is trivial.
		return "PostgresEndpoint[" + jdbcUrl() + ", username=" + username + "]";
	}
}
