package cn.cztexchange.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each way a start can fail says what happened and what to do. None of these starts
 * Elasticsearch.
 */
class LocalServicesFailureTest {

	@Test
	void refusesToRunAsRootBeforeTouchingTheDisk() {
		Path dataDirectory = TestDirectories.named("as-root");
		LocalServicesSettings settings = LocalServicesSettings.forTests(dataDirectory);

		assertThatThrownBy(
				() -> LocalServices.acquire(settings, EnumSet.allOf(LocalService.class), new RootUserCheck(() -> 0)))
			.isInstanceOf(LocalServicesException.class)
			.hasMessageContaining("refuse to run as root")
			.hasMessageContaining("runuser -u")
			.hasMessageContaining("SPRING_R2DBC_URL")
			.hasMessageContaining("SPRING_FLYWAY_URL")
			.hasMessageContaining("SPRING_ELASTICSEARCH_URIS");
		assertThat(dataDirectory).doesNotExist();
	}

	@Test
	void namesTheTakenPostgresPortAndHowToChangeIt() throws IOException {
		try (ServerSocket taken = bindAnyLoopbackPort()) {
			int port = taken.getLocalPort();
			LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("port-taken"))
				.withPostgresPort(port);

			assertThatThrownBy(() -> LocalServices.acquirePostgres(settings)).isInstanceOf(LocalServicesException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining("PostgreSQL")
				.hasMessageContaining("czt.local-services.postgres-port")
				.hasMessageContaining("CZT_LOCAL_SERVICES_POSTGRES_PORT");
		}
	}

	@Test
	void namesTheTakenElasticsearchPortBeforeStartingAnything() throws IOException {
		try (ServerSocket taken = bindAnyLoopbackPort()) {
			int port = taken.getLocalPort();
			LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("port-taken"))
				.withElasticsearchPort(port);

			// Both requested: the check runs before either server starts, so this fails
			// in milliseconds.
			assertThatThrownBy(() -> LocalServices.acquire(settings)).isInstanceOf(LocalServicesException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining("Elasticsearch")
				.hasMessageContaining("czt.local-services.elasticsearch-port");
		}
		assertThat(TestDirectories.named("port-taken").resolve("dist")).doesNotExist();
	}

	@Test
	void refusesToStartOnAnAlmostFullDisk() {
		LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("disk-full"))
			.withMinFreeDiskBytes(Long.MAX_VALUE);

		assertThatThrownBy(() -> LocalServices.acquire(settings)).isInstanceOf(LocalServicesException.class)
			.hasMessageContaining("Not enough free disk space")
			.hasMessageContaining("free on")
			.hasMessageContaining("at least 8.0 EiB")
			.hasMessageContaining("czt.local-services.data-dir");
	}

	@Test
	void refusesADataDirectoryThatIsInUse() {
		Path dataDirectory = TestDirectories.named("in-use");
		LocalServicesSettings settings = LocalServicesSettings.forTests(dataDirectory);
		DataDirectoryLock otherUser = lockedDirectory(dataDirectory);
		try {
			assertThatThrownBy(() -> LocalServices.acquirePostgres(settings)).isInstanceOf(LocalServicesException.class)
				.hasMessageContaining("Another process")
				.hasMessageContaining("pid " + ProcessHandle.current().pid())
				.hasMessageContaining(dataDirectory.toString())
				.hasMessageContaining("czt.local-services.data-dir");
		}
		finally {
			otherUser.close();
		}
	}

	@Test
	void showsTheServerLogWhenPostgresFailsToStart() {
		LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("postgres-fails"));
		EmbeddedPostgres postgres = new EmbeddedPostgres(settings, MavenArtifactResolver.forSettings(settings),
				List.of("-c no_such_setting=1"));
		postgres.prepare();

		assertThatThrownBy(postgres::start).isInstanceOf(LocalServicesException.class)
			.hasMessageContaining("PostgreSQL failed to start")
			.hasMessageContaining("postgres.log")
			// the server's own explanation, from the log tail
			.hasMessageContaining("unrecognized configuration parameter \"no_such_setting\"");
	}

	@Test
	void stopsAPostgresLeftRunningByACrashedRunAndStartsNormally() throws Exception {
		LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("orphan"));
		// Started outside LocalServices and never stopped: what a killed JVM leaves
		// behind.
		EmbeddedPostgres orphan = new EmbeddedPostgres(settings, MavenArtifactResolver.forSettings(settings));
		orphan.prepare();
		orphan.start();
		int orphanPort = orphan.endpoint().port();
		assertThat(LoopbackPorts.isFree(orphanPort)).isFalse();

		LocalServices services = LocalServices.acquirePostgres(settings);
		try {
			// (Not checked by pid: where init reaps late, a stopped postmaster lingers as
			// a zombie.)
			assertThat(LoopbackPorts.isFree(orphanPort)).isTrue();
			assertThat(services.postgres().port()).isNotEqualTo(orphanPort);
			try (var connection = java.sql.DriverManager.getConnection(services.postgres().jdbcUrl(), "czt", "czt")) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
		finally {
			services.release();
		}
	}

	private static DataDirectoryLock lockedDirectory(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return DataDirectoryLock.acquire(dataDirectory);
	}

	private static ServerSocket bindAnyLoopbackPort() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.bind(new InetSocketAddress(LoopbackPorts.ADDRESS, 0));
		return socket;
	}

}
