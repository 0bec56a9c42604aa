package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.LocalService;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Which embedded servers this application needs: those it has a Spring Boot client module
 * for and no external server configured. Shared by the conditions and by the bean that
 * starts the servers, so that both always agree.
 */
final class EmbeddedServerDecision {

	static final String R2DBC_URL = "spring.r2dbc.url";
	static final String ELASTICSEARCH_URIS = "spring.elasticsearch.uris";

	static final String R2DBC_CONNECTION_DETAILS = "org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails";
	static final String R2DBC_SPI_OPTIONS = "io.r2dbc.spi.ConnectionFactoryOptions";
	static final String FLYWAY_CONNECTION_DETAILS = "org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails";
	static final String JDBC_CONNECTION_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";
	static final String ELASTICSEARCH_CONNECTION_DETAILS = "org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails";

	private EmbeddedServerDecision() {
	}

	static boolean postgresWanted(Environment environment, ClassLoader classLoader) {
		boolean clientPresent = ClassUtils.isPresent(R2DBC_CONNECTION_DETAILS, classLoader)
				|| ClassUtils.isPresent(FLYWAY_CONNECTION_DETAILS, classLoader)
				|| ClassUtils.isPresent(JDBC_CONNECTION_DETAILS, classLoader);
		return clientPresent && !isConfigured(environment, R2DBC_URL);
	}

	static boolean elasticsearchWanted(Environment environment, ClassLoader classLoader) {
		return ClassUtils.isPresent(ELASTICSEARCH_CONNECTION_DETAILS, classLoader)
				&& !isConfigured(environment, ELASTICSEARCH_URIS);
	}

	static Set<LocalService> wanted(Environment environment, ClassLoader classLoader) {
		Set<LocalService> wanted = EnumSet.noneOf(LocalService.class);
		if (postgresWanted(environment, classLoader)) {
			wanted.add(LocalService.POSTGRES);
		}
		if (elasticsearchWanted(environment, classLoader)) {
			wanted.add(LocalService.ELASTICSEARCH);
		}
		return wanted;
	}

	/**
	 * containsProperty covers properties files, system properties and environment
	 * variables (the system environment source maps spring.r2dbc.url to SPRING_R2DBC_URL
	 * itself); the binder adds list forms such as {@code spring.elasticsearch.uris[0]}.
	 */
	static boolean isConfigured(Environment environment, String name) {
		return environment.containsProperty(name)
				|| Binder.get(environment).bind(name, Bindable.listOf(String.class)).isBound();
	}

}
