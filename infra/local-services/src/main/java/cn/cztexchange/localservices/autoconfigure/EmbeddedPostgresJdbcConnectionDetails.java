package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.PostgresEndpoint;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * JDBC coordinates of the embedded PostgreSQL. Published mainly because Flyway's
 * auto-configuration only activates when a DataSource or a JdbcConnectionDetails bean
 * exists; note that with a connection pool such as HikariCP on the classpath,
 * DataSourceAutoConfiguration also builds a DataSource from it.
 */
final class EmbeddedPostgresJdbcConnectionDetails implements JdbcConnectionDetails {

	private final PostgresEndpoint endpoint;

	EmbeddedPostgresJdbcConnectionDetails(PostgresEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public String getJdbcUrl() {
		return endpoint.jdbcUrl();
	}

	@Override
	public String getUsername() {
		return endpoint.username();
	}

	@Override
	public String getPassword() {
		return endpoint.password();
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
