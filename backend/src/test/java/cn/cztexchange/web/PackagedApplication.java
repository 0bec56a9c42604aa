package cn.cztexchange.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar, started as a user would start it ({@code java -jar}), with its own
 * embedded PostgreSQL and Elasticsearch under {@code target/}, on free ports.
 */
final class PackagedApplication implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path log;

	private final int port;

	private PackagedApplication(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	private static PackagedApplication shared;

	/**
	 * One application for all browser tests of the run, stopped when the test JVM ends.
	 */
	static synchronized PackagedApplication shared() throws Exception {
		if (shared == null) {
			shared = start("browser-tests");
			PackagedApplication application = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					application.close();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		return shared;
	}

	static PackagedApplication start(String name) throws Exception {
		int port = freePort();
		PackagedApplication application = new PackagedApplication(launch(name, "--server.port=" + port), logOf(name),
				port);
		application.awaitReady();
		return application;
	}

	/**
	 * Runs the jar as a command ({@code --app.command=…}) with demo data and waits for it
	 * to exit.
	 * @return its exit status and its log
	 */
	static CommandResult runCommand(String name, Duration timeout, String... arguments) throws Exception {
		Process process = launch(name, arguments);
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The command did not end within " + timeout);
		}
		return new CommandResult(process.exitValue(), Files.readString(logOf(name)));
	}

	private static Process launch(String name, String... arguments) throws IOException {
		Path jar = Path.of(System.getProperty("app.jar", "target/czt-exchange.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"No packaged application at " + jar.toAbsolutePath() + ": run `./mvnw verify`.");
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
				"--czt.local-services.data-dir=target/" + name + "-services", "--czt.local-services.postgres-port=0",
				"--czt.local-services.elasticsearch-port=0", "--czt.local-services.durable=false",
				"--app.demo.enabled=true"));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logOf(name).toFile()).start();
	}

	private static Path logOf(String name) {
		return Path.of("target", name + ".log");
	}

	/**
	 * @param exitStatus the process's exit status
	 * @param log what it logged
	 */
	record CommandResult(int exitStatus, String log) {
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private void awaitReady() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The application exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The application was not ready within " + START_TIMEOUT + ":\n" + logTail());
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Stops it as an operator would, with SIGTERM, so that it stops its embedded servers
	 * too.
	 */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
