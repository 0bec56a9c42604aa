package cn.cztexchange.localservices.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cztexchange.localservices.LocalService;
import cn.cztexchange.localservices.LocalServicesException;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import reactor.core.publisher.Mono;

class LocalServicesAutoConfigurationTest {

	private static final String EXTERNAL_POSTGRES = "spring.r2dbc.url=r2dbc:postgresql://db.example:5432/czt";

	private static final String EXTERNAL_ELASTICSEARCH = "spring.elasticsearch.uris=http://search.example:9200";

	// Only our auto-configuration: the condition tests need nothing else, and Boot's
	// R2DBC one would
	// insist on a complete external URL.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocalServicesAutoConfiguration.class))
		.withPropertyValues("czt.local-services.data-dir=" + dataDirectory("spring"),
				"czt.local-services.postgres-port=0", "czt.local-services.elasticsearch-port=0",
				"czt.local-services.durable=false");

	@Test
	void disabledMeansNothingAtAll() {
		runner.withPropertyValues("czt.local-services.enabled=false").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LocalServicesProperties.class);
			assertThat(context).doesNotHaveBean(LocalServicesLease.class);
			assertThat(context).doesNotHaveBean(EmbeddedPostgresR2dbcConnectionDetails.class);
			assertThat(context).doesNotHaveBean(EmbeddedElasticsearchConnectionDetails.class);
		});
	}

	@Test
	void externalServersConfiguredMeansNoEmbeddedOnes() {
		runner.withPropertyValues(EXTERNAL_POSTGRES, EXTERNAL_ELASTICSEARCH).run(context -> {
			assertThat(context).hasSingleBean(LocalServicesProperties.class);
			assertThat(context).doesNotHaveBean(LocalServicesLease.class);
			assertThat(context).doesNotHaveBean(EmbeddedPostgresR2dbcConnectionDetails.class);
			assertThat(context).doesNotHaveBean(EmbeddedPostgresFlywayConnectionDetails.class);
			assertThat(context).doesNotHaveBean(EmbeddedPostgresJdbcConnectionDetails.class);
			assertThat(context).doesNotHaveBean(EmbeddedElasticsearchConnectionDetails.class);
		});
	}

	@Test
	void externalServersCountWhenGivenAsEnvironmentVariablesOrIndexedLists() {
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("SPRING_R2DBC_URL", "r2dbc:postgresql://db.example:5432/czt",
										"CZT_LOCAL_SERVICES_ELASTICSEARCH_HEAP", "1g",
										"CZT_LOCAL_SERVICES_MIN_FREE_DISK", "3GB"))))
			.withPropertyValues("spring.elasticsearch.uris[0]=http://search.example:9200")
			.run(context -> {
				assertThat(context).doesNotHaveBean(LocalServicesLease.class);
				assertThat(context).doesNotHaveBean(EmbeddedPostgresR2dbcConnectionDetails.class);
				// Our own properties bind from environment variables with '_' for '-' as
				// well.
				LocalServicesProperties properties = context.getBean(LocalServicesProperties.class);
				assertThat(properties.elasticsearchHeap()).isEqualTo("1g");
				assertThat(properties.toSettings().minFreeDiskBytes()).isEqualTo(3L * 1024 * 1024 * 1024);
			});
	}

	@Test
	void embeddedPostgresIsPublishedForR2dbcFlywayAndJdbcWithoutCreatingADataSource() {
		runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					R2dbcAutoConfiguration.class))
			.withPropertyValues(EXTERNAL_ELASTICSEARCH, "spring.flyway.locations=classpath:db/local-services-test")
			.run(context -> {
				assertThat(context).hasNotFailed();
				LocalServicesLease lease = context.getBean(LocalServicesLease.class);
				assertThat(lease.localServices().isRunning(LocalService.POSTGRES)).isTrue();
				assertThat(lease.localServices().isRunning(LocalService.ELASTICSEARCH)).isFalse();
				assertThat(context).doesNotHaveBean(ElasticsearchConnectionDetails.class);

				String jdbcUrl = lease.localServices().postgres().jdbcUrl();
				assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(jdbcUrl);
				assertThat(context.getBean(FlywayConnectionDetails.class).getJdbcUrl()).isEqualTo(jdbcUrl);
				ConnectionFactoryOptions r2dbc = context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions();
				assertThat(r2dbc.getValue(ConnectionFactoryOptions.PORT))
					.isEqualTo(lease.localServices().postgres().port());
				assertThat(r2dbc.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("czt");
				assertThat(r2dbc.getValue(ConnectionFactoryOptions.USER)).isEqualTo("czt");
				// No pool on this classpath, so the JdbcConnectionDetails must not
				// conjure up a DataSource.
				assertThat(context).doesNotHaveBean(DataSource.class);

				// Flyway activated through the JdbcConnectionDetails and ran the
				// migration.
				assertThat(context).hasSingleBean(Flyway.class);
				try (Connection connection = DriverManager.getConnection(jdbcUrl, "czt", "czt");
						Statement sql = connection.createStatement();
						ResultSet result = sql
							.executeQuery("select count(*) from flyway_schema_history where success")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getInt(1)).isEqualTo(1);
				}

				// The application's reactive access path works too.
				ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
				Integer one = Mono
					.usingWhen(Mono.from(connectionFactory.create()),
							connection -> Mono.from(connection.createStatement("select 1").execute())
								.flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, Integer.class)))),
							connection -> Mono.from(connection.close()))
					.block();
				assertThat(one).isEqualTo(1);
			});
	}

	@Test
	void closingTheContextStopsTheServer() throws Exception {
		int[] port = new int[1];
		runner.withPropertyValues(EXTERNAL_ELASTICSEARCH).run(context -> {
			port[0] = context.getBean(LocalServicesLease.class).localServices().postgres().port();
		});
		try (ServerSocket socket = new ServerSocket(port[0], 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(port[0]);
		}
	}

	@Test
	void failureAnalysisSplitsProblemAndAction() {
		LocalServicesException failure = new LocalServicesException("Port 1 is taken.", "Choose another one.",
				"log lines", null);
		FailureAnalysis analysis = new LocalServicesFailureAnalyzer()
			.analyze(new BeanCreationException("localServicesLease", "wrapped", failure));
		assertThat(analysis.getDescription()).contains("Port 1 is taken.").contains("log lines");
		assertThat(analysis.getAction()).isEqualTo("Choose another one.");
	}

	private static Path dataDirectory(String name) {
		return Path.of("target", "local-services", name).toAbsolutePath();
	}

}
