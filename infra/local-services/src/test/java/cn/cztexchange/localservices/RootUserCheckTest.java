package cn.cztexchange.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.cztexchange.localservices.autoconfigure.LocalServicesAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RootUserCheckTest {

	@Test
	void passesForAnOrdinaryUser() {
		assertThatCode(() -> new RootUserCheck(() -> 1000).requireNotRoot()).doesNotThrowAnyException();
	}

	@Test
	void knowsTheCurrentUser() {
		// The build runs these tests as an ordinary user; as root they could not start
		// the servers.
		assertThat(RootUserCheck.currentUid())
			.as("run these tests as an ordinary user, e.g. runuser -u czt -- ./mvnw ... (the servers refuse root)")
			.isPositive();
	}

	@Test
	void theAutoConfigurationFailsFastAsRootWithTheExplanation() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LocalServicesAutoConfiguration.class))
			.withBean(RootUserCheck.class, () -> new RootUserCheck(() -> 0))
			.withPropertyValues("czt.local-services.data-dir=" + TestDirectories.named("spring-as-root"))
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(LocalServicesException.class)
					.hasMessageContaining("refuse to run as root");
				assertThat(TestDirectories.named("spring-as-root")).doesNotExist();
			});
	}

}
