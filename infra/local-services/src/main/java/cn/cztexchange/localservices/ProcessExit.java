package cn.cztexchange.localservices;

import java.time.Duration;
import java.util.Collection;

/**
 * Waits for processes to end. Polls instead of using {@link ProcessHandle#onExit()}: the
 * servers are not children of this JVM (pg_ctl starts postgres in the background;
 * Elasticsearch's server JVM is a grandchild), and for those onExit polls with growing
 * intervals of up to seconds.
 */
final class ProcessExit {

	private static final long POLL_MILLIS = 50;

	private ProcessExit() {
	}

	/**
	 * @return true when all have exited within the timeout
	 */
	static boolean await(Collection<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return processes.stream().noneMatch(ProcessHandle::isAlive);
			}
		}
		return true;
	}

}
