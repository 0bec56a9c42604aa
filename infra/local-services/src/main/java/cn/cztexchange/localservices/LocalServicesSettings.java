package cn.cztexchange.localservices;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to provision and run the local servers.
 *
 * @param dataDirectory Where distributions, downloads, databases, indices and logs live;
 * data found here is reused on the next run
 * @param postgresPort TCP port for PostgreSQL on 127.0.0.1; 0 picks a free port
 * @param elasticsearchPort HTTP port for Elasticsearch on 127.0.0.1; 0 picks a free port
 * @param elasticsearchHeap JVM heap of Elasticsearch, used for both -Xms and -Xmx, e.g.
 * "512m"
 * @param durable Whether data must survive a machine crash; false trades that for speed
 * (PostgreSQL runs with fsync, synchronous_commit and full_page_writes off), which suits
 * throw-away test data
 * @param startTimeout How long each server may take to become healthy
 * @param mavenRepository Remote Maven repository to download distributions from when the
 * local Maven repository does not have them
 * @param minFreeDiskBytes Refuse to start when the data directory's disk has less free
 * space: PostgreSQL and Elasticsearch misbehave in confusing ways on a full disk
 */
public record LocalServicesSettings(Path dataDirectory, int postgresPort, int elasticsearchPort,
		String elasticsearchHeap, boolean durable, Duration startTimeout, URI mavenRepository, long minFreeDiskBytes) {

	public static final int DEFAULT_POSTGRES_PORT = 15432;

	public static final int DEFAULT_ELASTICSEARCH_PORT = 19200;

	public static final String DEFAULT_ELASTICSEARCH_HEAP = "512m";

	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

	public static final URI DEFAULT_MAVEN_REPOSITORY = URI.create("https://repo.maven.apache.org/maven2/");

	public static final long DEFAULT_MIN_FREE_DISK_BYTES = 2L * 1024 * 1024 * 1024;

	private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

	public LocalServicesSettings {
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		requirePort(postgresPort, "postgresPort");
		requirePort(elasticsearchPort, "elasticsearchPort");
		elasticsearchHeap = elasticsearchHeap == null ? DEFAULT_ELASTICSEARCH_HEAP : elasticsearchHeap.trim();
		if (!HEAP_SIZE.matcher(elasticsearchHeap).matches()) {
			throw new IllegalArgumentException(
					"elasticsearchHeap must be a JVM heap size such as 512m or 1g, not '" + elasticsearchHeap + "'");
		}
		startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
		if (startTimeout.isNegative() || startTimeout.isZero()) {
			throw new IllegalArgumentException("startTimeout must be positive, not " + startTimeout);
		}
		mavenRepository = mavenRepository == null ? DEFAULT_MAVEN_REPOSITORY : withTrailingSlash(mavenRepository);
	}

	/**
	 * The settings of {@code ./mvnw -Prun}: fixed, well-known ports (so that tools can be
	 * pointed at them), durable storage and the other defaults.
	 */
	public static LocalServicesSettings defaults(Path dataDirectory) {
		return new LocalServicesSettings(dataDirectory, DEFAULT_POSTGRES_PORT, DEFAULT_ELASTICSEARCH_PORT,
				DEFAULT_ELASTICSEARCH_HEAP, true, DEFAULT_START_TIMEOUT, DEFAULT_MAVEN_REPOSITORY,
				DEFAULT_MIN_FREE_DISK_BYTES);
	}

	/**
	 * Settings for tests: free ports (so a test run never collides with a running
	 * application) and non-durable PostgreSQL (faster, and test data need not survive a
	 * crash).
	 */
	public static LocalServicesSettings forTests(Path dataDirectory) {
		return defaults(dataDirectory).withPorts(0, 0).withDurable(false);
	}

	/**
	 * {@code ~/.czt-exchange/local-services}: outside the build tree, so {@code clean}
	 * keeps the data.
	 */
	public static Path defaultDataDirectory() {
		return Path.of(System.getProperty("user.home"), ".czt-exchange", "local-services");
	}

	public LocalServicesSettings withDataDirectory(Path newDataDirectory) {
		return new LocalServicesSettings(newDataDirectory, postgresPort, elasticsearchPort, elasticsearchHeap, durable,
				startTimeout, mavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withPorts(int newPostgresPort, int newElasticsearchPort) {
		return new LocalServicesSettings(dataDirectory, newPostgresPort, newElasticsearchPort, elasticsearchHeap,
				durable, startTimeout, mavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withPostgresPort(int newPostgresPort) {
		return withPorts(newPostgresPort, elasticsearchPort);
	}

	public LocalServicesSettings withElasticsearchPort(int newElasticsearchPort) {
		return withPorts(postgresPort, newElasticsearchPort);
	}

	public LocalServicesSettings withElasticsearchHeap(String newHeap) {
		return new LocalServicesSettings(dataDirectory, postgresPort, elasticsearchPort, newHeap, durable, startTimeout,
				mavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withDurable(boolean newDurable) {
		return new LocalServicesSettings(dataDirectory, postgresPort, elasticsearchPort, elasticsearchHeap, newDurable,
				startTimeout, mavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withStartTimeout(Duration newStartTimeout) {
		return new LocalServicesSettings(dataDirectory, postgresPort, elasticsearchPort, elasticsearchHeap, durable,
				newStartTimeout, mavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withMavenRepository(URI newMavenRepository) {
		return new LocalServicesSettings(dataDirectory, postgresPort, elasticsearchPort, elasticsearchHeap, durable,
				startTimeout, newMavenRepository, minFreeDiskBytes);
	}

	public LocalServicesSettings withMinFreeDiskBytes(long newMinFreeDiskBytes) {
		return new LocalServicesSettings(dataDirectory, postgresPort, elasticsearchPort, elasticsearchHeap, durable,
				startTimeout, mavenRepository, newMinFreeDiskBytes);
	}

	private static void requirePort(int port, String name) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 (pick a free port) and 65535, not " + port);
		}
	}

	// URI.resolve drops the last path segment of a base without a trailing slash.
	private static URI withTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? uri : URI.create(text + "/");
	}
}
