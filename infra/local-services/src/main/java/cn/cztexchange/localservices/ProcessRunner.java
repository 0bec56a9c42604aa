package cn.cztexchange.localservices;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived helper process (initdb, pg_ctl) to completion, output into a log
 * file.
 */
final class ProcessRunner {

	private ProcessRunner() {
	}

	/**
	 * @return the exit code, or -1 when it did not finish in time (it is then killed)
	 */
	static int run(List<String> command, Path log, Duration timeout) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		withoutInheritedPostgresVariables(builder.environment());
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running " + command.get(0), e);
		}
	}

	// PGDATA, PGPORT, PGHOST and friends from the developer's shell would silently
	// redirect pg_ctl.
	private static void withoutInheritedPostgresVariables(Map<String, String> environment) {
		environment.keySet().removeIf(name -> name.startsWith("PG"));
	}

}
