package cn.cztexchange.localservices;

import java.util.function.LongSupplier;

/**
 * Refuses to go on as root, before anything is created or started.
 *
 * <p>
 * initdb and Elasticsearch both exit when started as root, but only after the
 * distributions have been unpacked and with messages that do not say what to do instead.
 * Failing up front with an explanation saves the developer that detour.
 */
public final class RootUserCheck {

	private final LongSupplier uid;

	/** For tests, which cannot switch users: {@code new RootUserCheck(() -> 0)}. */
	RootUserCheck(LongSupplier uid) {
		this.uid = uid;
	}

	/** Checks the user this JVM runs as. */
	public static RootUserCheck forCurrentProcess() {
		return new RootUserCheck(RootUserCheck::currentUid);
	}

	/**
	 * @throws LocalServicesException when running as root
	 */
	public void requireNotRoot() {
		if (uid.getAsLong() == 0) {
			throw new LocalServicesException(
					"The embedded PostgreSQL and Elasticsearch refuse to run as root, and this process runs as root (uid 0).",
					"Run it as an ordinary user, for example: useradd -m czt && chown -R czt: . && "
							+ "runuser -u czt -- ./mvnw -Prun  (tests likewise: runuser -u czt -- ./mvnw verify). "
							+ "Or use external servers: set SPRING_R2DBC_URL and SPRING_FLYWAY_URL (PostgreSQL) and "
							+ "SPRING_ELASTICSEARCH_URIS (Elasticsearch); the embedded ones are then not started.");
		}
	}

	static long currentUid() {
		try {
			return new com.sun.security.auth.module.UnixSystem().getUid();
		}
		catch (LinkageError | RuntimeException notUnix) {
			// Not a Unix JVM (or the module is missing): the name is the best remaining
			// clue.
			return "root".equals(System.getProperty("user.name")) ? 0 : -1;
		}
	}

}
