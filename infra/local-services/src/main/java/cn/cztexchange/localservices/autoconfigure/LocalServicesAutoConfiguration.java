package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.LocalServices;
import cn.cztexchange.localservices.RootUserCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Starts the embedded PostgreSQL and/or Elasticsearch and publishes them as Spring Boot
 * {@code ConnectionDetails}, so that the application and its tests are wired exactly as
 * they would be against external servers.
 *
 * <p>
 * Runs before the R2DBC, Flyway, JDBC and Elasticsearch auto-configurations so that
 * theirs see our beans (and back off with their property-based ones). Each server is only
 * started when no external one is configured ({@code spring.r2dbc.url},
 * {@code spring.elasticsearch.uris}), and each bean only when its Spring Boot module is
 * on the classpath; the class names are given as strings because all of those modules are
 * optional. The nested classes are imported rather than annotated as configurations, so
 * that an application whose component scan covers this package does not pick them up on
 * their own, outside the conditions above.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration",
		"org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "czt.local-services.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LocalServicesProperties.class)
@Import({ LocalServicesAutoConfiguration.EmbeddedPostgresConfiguration.class,
		LocalServicesAutoConfiguration.EmbeddedElasticsearchConfiguration.class })
public class LocalServicesAutoConfiguration {

	/**
	 * Acquires the servers this application needs, all at once so that they start in
	 * parallel.
	 * @param rootUserCheck a test can supply its own; normally the current process is
	 * checked
	 */
	@Bean
	@Conditional(OnAnyEmbeddedServerCondition.class)
	LocalServicesLease localServicesLease(LocalServicesProperties properties, ApplicationContext context,
			ObjectProvider<RootUserCheck> rootUserCheck) {
		// First of all: as root both servers refuse to run; say so before anything is
		// unpacked.
		rootUserCheck.getIfAvailable(RootUserCheck::forCurrentProcess).requireNotRoot();
		return new LocalServicesLease(LocalServices.acquire(properties.toSettings(),
				// The conditions' view of the classpath, so that bean creation and
				// conditions agree.
				EmbeddedServerDecision.wanted(context.getEnvironment(), context.getClassLoader())));
	}

	@Conditional(OnEmbeddedPostgresCondition.class)
	@Import({ EmbeddedPostgresConfiguration.R2dbc.class, EmbeddedPostgresConfiguration.Flyway.class,
			EmbeddedPostgresConfiguration.Jdbc.class })
	static class EmbeddedPostgresConfiguration {

		@ConditionalOnClass(
				name = { EmbeddedServerDecision.R2DBC_CONNECTION_DETAILS, EmbeddedServerDecision.R2DBC_SPI_OPTIONS })
		static class R2dbc {

			@Bean
			@ConditionalOnMissingBean(R2dbcConnectionDetails.class)
			R2dbcConnectionDetails embeddedPostgresR2dbcConnectionDetails(LocalServicesLease lease) {
				return new EmbeddedPostgresR2dbcConnectionDetails(lease.localServices().postgres());
			}

		}

		@ConditionalOnClass(name = EmbeddedServerDecision.FLYWAY_CONNECTION_DETAILS)
		static class Flyway {

			@Bean
			@ConditionalOnMissingBean(FlywayConnectionDetails.class)
			FlywayConnectionDetails embeddedPostgresFlywayConnectionDetails(LocalServicesLease lease) {
				return new EmbeddedPostgresFlywayConnectionDetails(lease.localServices().postgres());
			}

		}

		/**
		 * Also what makes FlywayAutoConfiguration activate when the application has no
		 * DataSource.
		 */
		@ConditionalOnClass(name = EmbeddedServerDecision.JDBC_CONNECTION_DETAILS)
		static class Jdbc {

			@Bean
			@ConditionalOnMissingBean(JdbcConnectionDetails.class)
			JdbcConnectionDetails embeddedPostgresJdbcConnectionDetails(LocalServicesLease lease) {
				return new EmbeddedPostgresJdbcConnectionDetails(lease.localServices().postgres());
			}

		}

	}

	@Conditional(OnEmbeddedElasticsearchCondition.class)
	@ConditionalOnClass(name = EmbeddedServerDecision.ELASTICSEARCH_CONNECTION_DETAILS)
	static class EmbeddedElasticsearchConfiguration {

		@Bean
		@ConditionalOnMissingBean(ElasticsearchConnectionDetails.class)
		ElasticsearchConnectionDetails embeddedElasticsearchConnectionDetails(LocalServicesLease lease) {
			return new EmbeddedElasticsearchConnectionDetails(lease.localServices().elasticsearch());
		}

	}

}
