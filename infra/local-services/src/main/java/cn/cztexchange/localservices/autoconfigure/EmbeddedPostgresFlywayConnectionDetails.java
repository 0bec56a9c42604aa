package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.PostgresEndpoint;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

/** Points Spring Boot's Flyway auto-configuration at the embedded PostgreSQL. */
final class EmbeddedPostgresFlywayConnectionDetails implements FlywayConnectionDetails {

	private final PostgresEndpoint endpoint;

	EmbeddedPostgresFlywayConnectionDetails(PostgresEndpoint endpoint) {
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
