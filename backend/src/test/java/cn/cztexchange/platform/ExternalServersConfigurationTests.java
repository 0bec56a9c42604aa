package cn.cztexchange.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

import cn.cztexchange.CztExchangeApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configured for external servers, the application starts no embedded ones, and refuses
 * to start without a way to run its migrations rather than fail on the first request.
 */
class ExternalServersConfigurationTests {

	@Test
	void externalDatabaseWithoutMigrationUrlIsRefusedAtStart() {
		SpringApplication application = new SpringApplication(CztExchangeApplication.class);
		assertThatThrownBy(() -> application.run("--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:9/nowhere",
				"--spring.elasticsearch.uris=http://127.0.0.1:9", "--server.port=0", "--spring.main.banner-mode=off"))
			.hasStackTraceContaining("SPRING_FLYWAY_URL")
			.hasStackTraceContaining("SPRING_R2DBC_URL");
	}

}
