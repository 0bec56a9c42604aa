package cn.cztexchange.platform;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without database migrations. Boot runs Flyway only when it knows a
 * JDBC URL: the embedded PostgreSQL publishes one, an external database needs
 * {@code spring.flyway.url} beside {@code spring.r2dbc.url}. Forgetting it would
 * otherwise start the application on an unmigrated schema and fail on the first request.
 * Checked on the bean definitions, before anything is created, so that this is the first
 * and only error.
 */
@Component
class DatabaseMigrationGuard implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(Flyway.class, true, false).length == 0) {
			throw new IllegalStateException("Database migrations are not configured. With an external PostgreSQL, set "
					+ "SPRING_FLYWAY_URL (jdbc:postgresql://host:5432/db), SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD "
					+ "beside SPRING_R2DBC_URL, SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD.");
		}
	}

}
