package cn.cztexchange.platform;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without database migrations. Boot runs Flyway only when it knows a
 * JDBC URL: the embedded PostgreSQL publishes one, an external database needs
 * {@code spring.flyway.url} beside {@code spring.r2dbc.url}. Forgetting it would
 * otherwise start the application on an unmigrated schema and fail on the first request.
 */
@Component
class DatabaseMigrationGuard implements SmartInitializingSingleton {

	private final ObjectProvider<Flyway> flyway;

	DatabaseMigrationGuard(ObjectProvider<Flyway> flyway) {
		this.flyway = flyway;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.flyway.getIfAvailable() == null) {
			throw new IllegalStateException("Database migrations are not configured. With an external PostgreSQL, set "
					+ "SPRING_FLYWAY_URL (jdbc:postgresql://host:5432/db), SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD "
					+ "beside SPRING_R2DBC_URL, SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD.");
		}
	}

}
