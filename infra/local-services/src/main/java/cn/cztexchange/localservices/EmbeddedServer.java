package cn.cztexchange.localservices;

/** The life cycle that {@link LocalServices} drives for each server. */
interface EmbeddedServer {

	LocalService kind();

	/**
	 * Quick checks and clean-up before any server starts, run one server after the other:
	 * stops an orphan of a crashed earlier run and settles the ports, so that a taken
	 * port fails fast instead of after the other server's lengthy start.
	 */
	void prepare();

	/** Unpacks, initialises and starts the server; returns once it is healthy. */
	void start();

	/** Stops the server if it runs; never throws. */
	void stop();

	/** One line for the startup summary: what runs where. */
	String describe();

}
