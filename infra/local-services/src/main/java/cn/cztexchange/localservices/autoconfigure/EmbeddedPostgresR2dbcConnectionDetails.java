package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.PostgresEndpoint;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/** Points Spring Boot's R2DBC auto-configuration at the embedded PostgreSQL. */
final class EmbeddedPostgresR2dbcConnectionDetails implements R2dbcConnectionDetails {

	private final PostgresEndpoint endpoint;

	EmbeddedPostgresR2dbcConnectionDetails(PostgresEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public ConnectionFactoryOptions getConnectionFactoryOptions() {
		return ConnectionFactoryOptions.parse(endpoint.r2dbcUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, endpoint.username())
			.option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
			.build();
	}

}
