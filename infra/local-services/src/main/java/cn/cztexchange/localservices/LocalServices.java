package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local PostgreSQL and Elasticsearch servers, shared by everything in this JVM that uses
 * the same data directory.
 *
 * <p>
 * {@link #acquire} starts the requested servers on the first call and only counts later
 * calls; each caller calls {@link #release()} once when done, and the last release stops
 * the servers. That way all cached Spring test contexts of a test run share one pair of
 * servers, started once. A JVM shutdown hook stops whatever is still running when the JVM
 * exits without releasing.
 *
 * <p>
 * The servers run as child processes of this JVM on 127.0.0.1, from distributions taken
 * from Maven artifacts, with their data kept in the data directory for the next run.
 */
public final class LocalServices {

	private static final Logger log = LoggerFactory.getLogger(LocalServices.class);

	// Guarded by LocalServices.class. Keyed by absolute data directory.
	private static final Map<Path, LocalServices> INSTANCES = new HashMap<>();

	private final Path dataDirectory;

	private final LocalServicesSettings settings;

	private final MavenArtifactResolver resolver;

	private final Map<LocalService, EmbeddedServer> servers = new EnumMap<>(LocalService.class);

	private DataDirectoryLock lock;

	private Thread shutdownHook;

	private int references;

	private LocalServices(LocalServicesSettings settings) {
		this.settings = settings;
		this.dataDirectory = settings.dataDirectory();
		this.resolver = MavenArtifactResolver.forSettings(settings);
	}

	/** Acquires both PostgreSQL and Elasticsearch. */
	public static LocalServices acquire(LocalServicesSettings settings) {
		return acquire(settings, EnumSet.allOf(LocalService.class));
	}

	/** Acquires PostgreSQL only, for applications that use an external Elasticsearch. */
	public static LocalServices acquirePostgres(LocalServicesSettings settings) {
		return acquire(settings, EnumSet.of(LocalService.POSTGRES));
	}

	/** Acquires Elasticsearch only, for applications that use an external PostgreSQL. */
	public static LocalServices acquireElasticsearch(LocalServicesSettings settings) {
		return acquire(settings, EnumSet.of(LocalService.ELASTICSEARCH));
	}

	/**
	 * Returns the shared instance for the settings' data directory, starting those of the
	 * requested servers that do not run yet (in parallel), and counts one more reference.
	 * Later calls for the same data directory reuse the running servers and their ports;
	 * their other settings are ignored.
	 * @throws LocalServicesException when running as root, the disk is almost full, the
	 * data directory is in use by another process, a fixed port is taken, or a server
	 * fails to start
	 */
	public static LocalServices acquire(LocalServicesSettings settings, Set<LocalService> services) {
		return acquire(settings, services, RootUserCheck.forCurrentProcess());
	}

	static synchronized LocalServices acquire(LocalServicesSettings settings, Set<LocalService> services,
			RootUserCheck rootUserCheck) {
		// Before touching anything: as root, both servers would refuse to start after
		// lengthy setup.
		rootUserCheck.requireNotRoot();
		LocalServicesSettings absolute = settings
			.withDataDirectory(settings.dataDirectory().toAbsolutePath().normalize());
		LocalServices instance = INSTANCES.get(absolute.dataDirectory());
		if (instance == null) {
			instance = new LocalServices(absolute);
		}
		else if (!instance.settings.equals(absolute)) {
			log.debug("Local services in {} already run with {}; ignoring {}", instance.dataDirectory,
					instance.settings, absolute);
		}
		instance.startMissing(services);
		instance.references++;
		INSTANCES.put(instance.dataDirectory, instance);
		return instance;
	}

	/**
	 * Gives back one reference; the last one stops the servers and frees the data
	 * directory. Call it exactly once per {@code acquire}.
	 */
	public void release() {
		synchronized (LocalServices.class) {
			if (references == 0) {
				log.warn("release() called more often than acquire() for local services in {}", dataDirectory);
				return;
			}
			references--;
			if (references == 0) {
				INSTANCES.remove(dataDirectory, this);
				stopAll();
				removeShutdownHook();
			}
		}
	}

	/**
	 * @throws IllegalStateException when PostgreSQL was not acquired
	 */
	public PostgresEndpoint postgres() {
		return ((EmbeddedPostgres) running(LocalService.POSTGRES)).endpoint();
	}

	/**
	 * @throws IllegalStateException when Elasticsearch was not acquired
	 */
	public ElasticsearchEndpoint elasticsearch() {
		return ((EmbeddedElasticsearch) running(LocalService.ELASTICSEARCH)).endpoint();
	}

	public boolean isRunning(LocalService service) {
		synchronized (this) {
			return servers.containsKey(service);
		}
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	private synchronized EmbeddedServer running(LocalService service) {
		EmbeddedServer server = servers.get(service);
		if (server == null) {
			throw new IllegalStateException(service.displayName() + " was not acquired from these local services ("
					+ dataDirectory + "); running: " + servers.keySet());
		}
		return server;
	}

	private synchronized void startMissing(Set<LocalService> requested) {
		List<EmbeddedServer> starting = requested.stream()
			.filter(service -> !servers.containsKey(service))
			.sorted()
			.map(this::create)
			.collect(Collectors.toList());
		if (starting.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		boolean lockedNow = false;
		try {
			if (lock == null) {
				Files.createDirectories(dataDirectory);
				FreeDiskSpaceCheck.require(dataDirectory, settings.minFreeDiskBytes());
				lock = DataDirectoryLock.acquire(dataDirectory);
				lockedNow = true;
			}
			else {
				FreeDiskSpaceCheck.require(dataDirectory, settings.minFreeDiskBytes());
			}
			starting.forEach(EmbeddedServer::prepare);
			startInParallel(starting);
		}
		catch (IOException e) {
			releaseLockIf(lockedNow);
			throw new UncheckedIOException("Cannot create the local services data directory " + dataDirectory, e);
		}
		catch (RuntimeException e) {
			releaseLockIf(lockedNow);
			throw e;
		}
		starting.forEach(server -> servers.put(server.kind(), server));
		registerShutdownHook();
		log.info("Local services ready in {} ms: {}; data directory {}", (System.nanoTime() - started) / 1_000_000,
				starting.stream().map(EmbeddedServer::describe).collect(Collectors.joining(", ")), dataDirectory);
	}

	private EmbeddedServer create(LocalService service) {
		switch (service) {
			case POSTGRES:
				return new EmbeddedPostgres(settings, resolver);
			case ELASTICSEARCH:
				return new EmbeddedElasticsearch(settings, resolver);
			default:
				throw new IllegalArgumentException(service.toString());
		}
	}

	/**
	 * Elasticsearch needs ~10 s and PostgreSQL a few: starting them side by side makes
	 * the wait the longer of the two instead of the sum. If either fails, the other is
	 * stopped again, so a failed acquire leaves nothing running.
	 */
	private static void startInParallel(List<EmbeddedServer> starting) {
		if (starting.size() == 1) {
			starting.get(0).start();
			return;
		}
		ExecutorService executor = Executors.newFixedThreadPool(starting.size(), daemonThreads());
		try {
			List<CompletableFuture<EmbeddedServer>> futures = starting.stream()
				.map(server -> CompletableFuture.supplyAsync(() -> {
					server.start();
					return server;
				}, executor))
				.collect(Collectors.toList());
			List<RuntimeException> failures = new ArrayList<>();
			List<EmbeddedServer> succeeded = new ArrayList<>();
			for (int i = 0; i < futures.size(); i++) {
				try {
					succeeded.add(futures.get(i).join());
				}
				catch (CompletionException e) {
					failures.add(e.getCause() instanceof RuntimeException runtime ? runtime : e);
				}
			}
			if (!failures.isEmpty()) {
				succeeded.forEach(EmbeddedServer::stop);
				RuntimeException first = failures.get(0);
				failures.subList(1, failures.size()).forEach(first::addSuppressed);
				throw first;
			}
		}
		finally {
			executor.shutdown();
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "local-services-start-" + count.incrementAndGet());
			// Must not keep the JVM alive if the application gives up while a server is
			// starting.
			thread.setDaemon(true);
			return thread;
		};
	}

	// In parallel, like the start: shutting down Elasticsearch takes a few seconds,
	// PostgreSQL less.
	private synchronized void stopAll() {
		if (servers.isEmpty() && lock == null) {
			return;
		}
		List<EmbeddedServer> stopping = new ArrayList<>(servers.values());
		servers.clear();
		List<CompletableFuture<Void>> stops = stopping.stream()
			.map(server -> CompletableFuture.runAsync(server::stop, runnable -> {
				Thread thread = new Thread(runnable, "local-services-stop-" + server.kind());
				thread.setDaemon(true);
				thread.start();
			}))
			.collect(Collectors.toList());
		stops.forEach(stop -> {
			try {
				stop.join();
			}
			catch (CompletionException e) {
				log.warn("Stopping a local server failed", e.getCause());
			}
		});
		releaseLockIf(true);
	}

	private synchronized void releaseLockIf(boolean condition) {
		if (condition && lock != null) {
			lock.close();
			lock = null;
		}
	}

	private synchronized void registerShutdownHook() {
		if (shutdownHook == null) {
			shutdownHook = new Thread(this::stopAll, "local-services-shutdown");
			Runtime.getRuntime().addShutdownHook(shutdownHook);
		}
	}

	private synchronized void removeShutdownHook() {
		if (shutdownHook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			}
			catch (IllegalStateException shutdownInProgress) {
				// the hook runs (or ran) anyway; stopAll is idempotent
			}
			shutdownHook = null;
		}
	}

	@Override
	public String toString() {
		return "LocalServices[" + dataDirectory + ", running " + servers.keySet() + ", references " + references + "]";
	}

}
