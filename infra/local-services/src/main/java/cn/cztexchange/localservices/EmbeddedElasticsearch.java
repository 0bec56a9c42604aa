package cn.cztexchange.localservices;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch 8.19 from the integ-test distribution, run as a child process on
 * 127.0.0.1 with security off and a single node.
 *
 * <p>
 * Layout below the data directory: {@code dist/elasticsearch-8.19.21/} (distribution),
 * {@code elasticsearch/data/} (indices, kept between runs), {@code elasticsearch/logs/}
 * (server logs, {@code czt-local.log} is the main one), {@code elasticsearch/console.log}
 * (stdout and stderr) and {@code elasticsearch/elasticsearch.pid} (our processes, to find
 * orphans after a crash).
 */
final class EmbeddedElasticsearch implements EmbeddedServer {

	static final String VERSION = "8.19.21";
	static final MavenArtifact DISTRIBUTION = new MavenArtifact("org.elasticsearch.distribution.integ-test-zip",
			"elasticsearch", VERSION, "zip");
	static final String CLUSTER_NAME = "czt-local";
	static final String PORT_PROPERTY = "czt.local-services.elasticsearch-port";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private final LocalServicesSettings settings;

	private final MavenArtifactResolver resolver;

	private final List<String> extraSettings;

	private final Path home;

	private final Path dataPath;

	private final Path logsPath;

	private final Path tmpPath;

	private final Path consoleLog;

	private final Path pidFile;

	private Path installation;

	private int httpPort;

	private int transportPort;

	private volatile Process process;

	EmbeddedElasticsearch(LocalServicesSettings settings, MavenArtifactResolver resolver) {
		this(settings, resolver, List.of());
	}

	/**
	 * @param extraSettings more {@code key=value} settings, each passed with {@code -E}
	 */
	EmbeddedElasticsearch(LocalServicesSettings settings, MavenArtifactResolver resolver, List<String> extraSettings) {
		this.settings = settings;
		this.resolver = resolver;
		this.extraSettings = List.copyOf(extraSettings);
		this.home = settings.dataDirectory().resolve("elasticsearch");
		this.dataPath = home.resolve("data");
		this.logsPath = home.resolve("logs");
		this.tmpPath = home.resolve("tmp");
		this.consoleLog = home.resolve("console.log");
		this.pidFile = home.resolve("elasticsearch.pid");
	}

	@Override
	public LocalService kind() {
		return LocalService.ELASTICSEARCH;
	}

	@Override
	public void prepare() {
		try {
			Files.createDirectories(home);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		stopOrphans();
		httpPort = LoopbackPorts.resolve(settings.elasticsearchPort(), "Elasticsearch", PORT_PROPERTY);
		// Node-to-node port: unused by a single node but always bound, so keep it off the
		// default 9300.
		transportPort = LoopbackPorts.findFree();
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		installation = ensureDistribution();
		launch();
		try {
			waitUntilHealthy(started + settings.startTimeout().toNanos());
			writePidFile();
		}
		catch (RuntimeException e) {
			stop();
			throw e;
		}
		log.info("Elasticsearch {} started in {} ms at {} (heap {}), data {}, logs {}", VERSION,
				(System.nanoTime() - started) / 1_000_000, endpoint().httpUri(), settings.elasticsearchHeap(), dataPath,
				logsPath);
	}

	@Override
	public void stop() {
		Process running = process;
		if (running == null) {
			return;
		}
		long started = System.nanoTime();
		boolean wasAlive = running.isAlive();
		terminate(running.toHandle());
		process = null;
		deletePidFile();
		if (wasAlive) {
			log.info("Elasticsearch on port {} stopped in {} ms", httpPort, (System.nanoTime() - started) / 1_000_000);
		}
	}

	@Override
	public String describe() {
		return "Elasticsearch " + VERSION + " at " + endpoint().httpUri();
	}

	ElasticsearchEndpoint endpoint() {
		return new ElasticsearchEndpoint(LoopbackPorts.HOST, httpPort);
	}

	private Path ensureDistribution() {
		Path target = settings.dataDirectory().resolve("dist").resolve("elasticsearch-" + VERSION);
		return DistributionUnpacker.ensureUnpacked(target, "Elasticsearch " + VERSION, directory -> DistributionUnpacker
			.unpackZip(resolver.resolve(DISTRIBUTION), "elasticsearch-" + VERSION, directory));
	}

	private void launch() {
		List<String> command = new ArrayList<>(List.of(installation.resolve("bin").resolve("elasticsearch").toString(),
				"-E", "cluster.name=" + CLUSTER_NAME, "-E", "discovery.type=single-node", "-E",
				"xpack.security.enabled=false", "-E", "network.host=" + LoopbackPorts.HOST, "-E",
				"http.port=" + httpPort, "-E", "transport.port=" + transportPort, "-E", "path.data=" + dataPath, "-E",
				"path.logs=" + logsPath,
				// Absolute watermarks: the percentage defaults (85 %, 90 %, 95 %) make
				// indices read-only
				// on a big, mostly full developer disk that still has plenty of room for
				// a local index.
				"-E", "cluster.routing.allocation.disk.watermark.low=1gb", "-E",
				"cluster.routing.allocation.disk.watermark.high=500mb", "-E",
				"cluster.routing.allocation.disk.watermark.flood_stage=200mb"));
		extraSettings.forEach(setting -> {
			command.add("-E");
			command.add(setting);
		});
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> environment = builder.environment();
		// Options meant for the developer's own JVMs would leak into Elasticsearch's.
		Stream.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "ES_PATH_CONF", "ES_HOME", "CLI_JAVA_OPTS")
			.forEach(environment::remove);
		// The JDK running this code is a supported runtime; the integ-test zip bundles
		// none.
		environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
		environment.put("ES_JAVA_OPTS", "-Xms" + settings.elasticsearchHeap() + " -Xmx" + settings.elasticsearchHeap());
		environment.put("ES_TMPDIR", tmpPath.toString());
		try {
			Files.createDirectories(dataPath);
			Files.createDirectories(logsPath);
			Files.createDirectories(tmpPath);
			// A fresh console log per start, so that its tail in an error message is
			// about this start.
			Files.writeString(consoleLog,
					"---- czt-local-services: starting Elasticsearch " + VERSION + " at " + Instant.now()
							+ System.lineSeparator() + String.join(" ", command) + System.lineSeparator(),
					StandardCharsets.UTF_8);
			process = builder.start();
			writePidFile();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start " + command.get(0), e);
		}
	}

	private void waitUntilHealthy(long deadlineNanos) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		// GET / answers 405 in this distribution; the health API is also the better
		// readiness signal.
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(endpoint().httpUri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		while (true) {
			Process running = process;
			if (!running.isAlive()) {
				throw startFailed("Elasticsearch exited with code " + running.exitValue() + " while starting on port "
						+ httpPort + ".");
			}
			try {
				HttpResponse<Void> response = client.send(health, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// keep polling
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
			}
			if (System.nanoTime() > deadlineNanos) {
				throw startFailed("Elasticsearch did not become healthy on port " + httpPort + " within "
						+ settings.startTimeout().toSeconds() + " s.");
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
			}
		}
	}

	/**
	 * bin/elasticsearch runs a small launcher JVM that starts the server JVM as its
	 * child. SIGTERM to the launcher makes it stop the server gracefully; whatever is
	 * still alive after the grace period is killed, server included, so that no JVM holds
	 * the data directory afterwards.
	 */
	private void terminate(ProcessHandle launcher) {
		List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().collect(Collectors.toList()));
		tree.add(0, launcher);
		launcher.destroy();
		boolean exited = waitForExit(tree, STOP_GRACE);
		if (!exited) {
			log.warn("Elasticsearch did not stop within {} s; killing it", STOP_GRACE.toSeconds());
			tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			waitForExit(tree, Duration.ofSeconds(10));
		}
	}

	private static boolean waitForExit(List<ProcessHandle> processes, Duration timeout) {
		return ProcessExit.await(processes, timeout);
	}

	/**
	 * Processes listed in our pid file that are still alive belong to a run that ended
	 * without stopping them (killed JVM, crashed IDE). They hold the node lock and maybe
	 * the port.
	 */
	private void stopOrphans() {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		Set<ProcessHandle> orphans = new LinkedHashSet<>();
		try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.US_ASCII)) {
			lines.map(String::trim)
				.filter(line -> line.matches("\\d+"))
				.map(Long::parseLong)
				.map(ProcessHandle::of)
				.flatMap(Optional::stream)
				.filter(this::isOurElasticsearch)
				.forEach(orphans::add);
		}
		catch (IOException | UncheckedIOException e) {
			log.debug("Cannot read {}: {}", pidFile, e.toString());
		}
		if (!orphans.isEmpty()) {
			log.warn("Elasticsearch (pids {}) from an earlier run is still running on {}; stopping it first",
					orphans.stream().map(handle -> Long.toString(handle.pid())).collect(Collectors.joining(", ")),
					dataPath);
			List<ProcessHandle> all = new ArrayList<>(orphans);
			orphans.forEach(orphan -> orphan.descendants().forEach(all::add));
			all.forEach(ProcessHandle::destroy);
			if (!waitForExit(all, STOP_GRACE)) {
				all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
				waitForExit(all, Duration.ofSeconds(10));
			}
		}
		deletePidFile();
	}

	// A pid may have been reused by an unrelated process since; only an Elasticsearch JVM
	// started
	// from this data directory's distribution counts.
	private boolean isOurElasticsearch(ProcessHandle handle) {
		String distribution = settings.dataDirectory().resolve("dist").toString();
		return handle.isAlive() && handle.info().commandLine().map(line -> line.contains(distribution)).orElse(false);
	}

	// The launcher right away, its children (the server JVM) too once they exist.
	private void writePidFile() {
		Process running = process;
		if (running == null) {
			return;
		}
		String pids = Stream.concat(Stream.of(running.toHandle()), running.descendants())
			.map(handle -> Long.toString(handle.pid()))
			.collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
		try {
			Files.writeString(pidFile, pids, StandardCharsets.US_ASCII);
		}
		catch (IOException e) {
			log.debug("Cannot write {}: {}", pidFile, e.toString());
		}
	}

	private void deletePidFile() {
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException e) {
			log.debug("Cannot delete {}: {}", pidFile, e.toString());
		}
	}

	private LocalServicesException startFailed(String problem) {
		return new LocalServicesException(problem, "The cause is usually in the log lines below (full logs in " + home
				+ "). If the indices in " + dataPath
				+ " are damaged, stop all local services and delete that directory; the application can rebuild "
				+ "the index from PostgreSQL.", LogTail.describe(consoleLog, logsPath.resolve(CLUSTER_NAME + ".log")),
				null);
	}

}
