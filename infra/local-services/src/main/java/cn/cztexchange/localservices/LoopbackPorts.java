package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds and checks TCP ports on 127.0.0.1, the only address the local servers listen on.
 */
final class LoopbackPorts {

	static final String HOST = "127.0.0.1";
	static final InetAddress ADDRESS = loopback();

	// Ports handed out by this JVM: the kernel may offer a just-closed port again, and
	// PostgreSQL,
	// Elasticsearch HTTP and transport are all chosen before any of them binds.
	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	private LoopbackPorts() {
	}

	/**
	 * A port that is free right now; chosen by the kernel, never one this JVM handed out
	 * before.
	 */
	static synchronized int findFree() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, ADDRESS)) {
				int port = socket.getLocalPort();
				if (HANDED_OUT.add(port)) {
					return port;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
			}
		}
		throw new IllegalStateException("No free port found on " + HOST);
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// Like the servers will: reuse is allowed over TIME_WAIT remnants, not over a
			// live listener.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(ADDRESS, port), 1);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Returns the configured port after checking it is free, or a free port when 0 is
	 * configured.
	 * @param server e.g. "PostgreSQL"
	 * @param property the Spring property that sets this port, named in the error message
	 */
	static int resolve(int configuredPort, String server, String property) {
		if (configuredPort == 0) {
			return findFree();
		}
		if (!isFree(configuredPort)) {
			// Spring's relaxed binding accepts the property with every '.' and '-' turned
			// into '_'.
			String envVar = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
			throw new LocalServicesException(
					"Port " + configuredPort + " on " + HOST + ", configured for the embedded " + server
							+ ", is already in use by another process.",
					"Stop that process (`ss -ltnp 'sport = :" + configuredPort
							+ "'` shows which one), or choose another port " + "with the property " + property
							+ " (env " + envVar + "); 0 picks a free port.");
		}
		return configuredPort;
	}

	private static InetAddress loopback() {
		try {
			// Explicitly IPv4: InetAddress.getLoopbackAddress() may answer ::1, which the
			// servers do not bind.
			return InetAddress.getByAddress(HOST, new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
