package cn.cztexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.CztExchangeApplication;
import cn.cztexchange.localservices.LocalServices;
import cn.cztexchange.localservices.LocalServicesSettings;
import cn.cztexchange.localservices.PostgresEndpoint;
import cn.cztexchange.matching.BenchMatchingAccess;
import cn.cztexchange.search.BenchSearchAccess;

/**
 * The benchmark: starts the embedded PostgreSQL and Elasticsearch in a fresh data
 * directory and the application in this JVM (real HTTP through Netty), then measures
 * <ol type="a">
 * <li>indexing: N generated entries committed with their outbox rows while the indexer is
 * paused, then the time until the indexer has made them all searchable, against a raw
 * {@code _bulk} load of the very same documents;</li>
 * <li>search: a mixed query set through the API against the same Elasticsearch requests
 * sent directly, at the same concurrency, in alternating rounds;</li>
 * <li>write-to-searchable: from an approval's commit until a search finds the entry;</li>
 * <li>booking throughput through the API against raw inserts of booking rows;</li>
 * <li>the availability calendar of 1,000 instruments for a week;</li>
 * <li>matching: firms' financing and offering lists through the API against the exact
 * Elasticsearch requests the engine sends for them, sent directly.</li>
 * </ol>
 * and prints the ratios against the targets (also to {@code bench-report.txt}).
 */
public final class BenchMain {

	private static final String RAW_INDEX = "bench-raw";

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		BenchReport report = new BenchReport();
		report.detail(String.format(
				"entries %,d, concurrency %d, %s measured per side (+%s warm-up), %d writes, "
						+ "Elasticsearch heap %s, %d cores",
				settings.entries(), settings.concurrency(), settings.duration(), settings.warmup(), settings.writes(),
				settings.elasticsearchHeap(), Runtime.getRuntime().availableProcessors()));
		emptyDataDirectory(settings.dataDirectory());
		LocalServices services = LocalServices.acquire(LocalServicesSettings.defaults(settings.dataDirectory())
			.withPorts(0, 0)
			.withElasticsearchHeap(settings.elasticsearchHeap())
			.withDurable(Boolean.parseBoolean(System.getProperty("bench.durable", "true")))
			.withStartTimeout(Duration.ofMinutes(5)));
		try (ConfigurableApplicationContext context = startApplication(settings)) {
			run(settings, report, services, context);
		}
		finally {
			services.release();
		}
		report.write(settings.report());
		System.out.println();
		System.out.println(report.text());
		System.out.println("[bench] report written to " + settings.report());
		System.exit(0);
	}

	private static void run(BenchSettings settings, BenchReport report, LocalServices services,
			ConfigurableApplicationContext context) throws Exception {
		PostgresEndpoint postgres = services.postgres();
		URI elasticsearchUri = services.elasticsearch().httpUri();
		URI apiUri = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ElasticsearchHttp elasticsearch = new ElasticsearchHttp(elasticsearchUri, http);
		BenchSearchAccess search = new BenchSearchAccess(context);
		JsonMapper json = context.getBean(JsonMapper.class);

		// The demo catalogue (1,550 entries) is indexed first, so that the indexer starts
		// the measured run with an empty outbox.
		long baseline = waitUntilIndexed(postgres, elasticsearch);
		report.detail(String.format("application up at %s, Elasticsearch at %s; %,d demo entries indexed", apiUri,
				elasticsearchUri, baseline));

		// (a) Indexing: the generated catalogue is written while the indexer is paused;
		// every section needs it, only the search section times its indexing.
		search.pauseIndexer();
		Path bulkFile = settings.dataDirectory().resolve("documents.ndjson");
		long writing = System.nanoTime();
		int entries = new GeneratedCatalogWriter(postgres, json).write(settings.entries(), Instant.now(), bulkFile)
			.size();
		report.detail(String.format(
				"wrote %,d entries with their outbox rows (COPY) and %,d MB of bulk documents "
						+ "in %.1f s (not timed)",
				entries, Files.size(bulkFile) >> 20, seconds(System.nanoTime() - writing)));
		double rawRate = Double.NaN;
		if (settings.runs("search")) {
			int batchSize = search.indexerBatchSize();
			search.createIndexLikeCatalog(RAW_INDEX);
			Duration raw = new RawBulkLoad(elasticsearch, http).load(bulkFile, RAW_INDEX, batchSize, entries);
			rawRate = entries / seconds(raw.toNanos());
			report.detail(String.format(
					"raw _bulk: %,d documents in batches of %d, one request at a time: %.1f s, %.0f docs/s", entries,
					batchSize, seconds(raw.toNanos()), rawRate));
			elasticsearch.delete(RAW_INDEX);
		}
		Files.delete(bulkFile);
		long indexing = System.nanoTime();
		search.resumeIndexer();
		waitUntilSearchable(elasticsearch, baseline + entries);
		double indexerRate = entries / seconds(System.nanoTime() - indexing);
		report.detail(String.format("indexer (outbox -> PostgreSQL reads -> _bulk): %,d entries in %.1f s, %.0f docs/s",
				entries, seconds(System.nanoTime() - indexing), indexerRate));

		if (settings.runs("search")) {
			report.atLeast("(a) indexer / raw bulk throughput", indexerRate / rawRate, 0.7, "x");
			search(settings, report, elasticsearchUri, apiUri, http, elasticsearch, search, json);
		}
		if (settings.runs("booking")) {
			booking(settings, report, postgres, apiUri, http, json);
		}
		if (settings.runs("matching")) {
			matching(settings, report, postgres, elasticsearchUri, apiUri, http, new BenchMatchingAccess(context),
					json);
		}
	}

	/** Waits until the alias counts {@code expected} documents. */
	private static void waitUntilSearchable(ElasticsearchHttp elasticsearch, long expected)
			throws InterruptedException, IOException {
		long seen = 0;
		long progressed = System.nanoTime();
		while (seen < expected) {
			Thread.sleep(50);
			long count = elasticsearch.count(BenchSearchAccess.ALIAS);
			if (count > seen) {
				seen = count;
				progressed = System.nanoTime();
			}
			else if (System.nanoTime() - progressed > Duration.ofMinutes(3).toNanos()) {
				throw new IllegalStateException("The indexer made no progress for 3 minutes (" + seen + " of "
						+ expected + " searchable); see the application log above");
			}
		}
	}

	/** (b) search and (c) write-to-searchable, on the generated catalogue. */
	private static void search(BenchSettings settings, BenchReport report, URI elasticsearchUri, URI apiUri,
			HttpClient http, ElasticsearchHttp elasticsearch, BenchSearchAccess search, JsonMapper json)
			throws Exception {
		// (b) Search
		SearchQuerySet queries = new SearchQuerySet(apiUri, elasticsearchUri, http, search);
		SearchQuerySet.Requests requests = queries.requests(SearchQuerySet.queries());
		queries.check(requests);
		ClosedLoopLoad load = new ClosedLoopLoad(http, settings.concurrency());
		report.detail(String.format("search: %d distinct queries, %d client threads, warm-up %s each",
				requests.api().size(), settings.concurrency(), settings.warmup()));
		load.run(requests.direct(), settings.warmup());
		load.run(requests.api(), settings.warmup());
		// Alternating rounds (direct, API, API, direct) so that drift on a shared machine
		// weighs on both alike.
		Duration half = settings.duration().dividedBy(2);
		QueryLatencies directByQuery = new QueryLatencies(requests.direct().size());
		QueryLatencies apiByQuery = new QueryLatencies(requests.api().size());
		LatencyStats direct1 = load.run(requests.direct(), half, directByQuery);
		LatencyStats api1 = load.run(requests.api(), half, apiByQuery);
		LatencyStats api2 = load.run(requests.api(), half, apiByQuery);
		LatencyStats direct2 = load.run(requests.direct(), half, directByQuery);
		LatencyStats direct = LatencyStats.merge(direct1, direct2);
		LatencyStats api = LatencyStats.merge(api1, api2);
		report.detail(String.format("rounds (req/s): direct %.1f, API %.1f, API %.1f, direct %.1f",
				direct1.throughput(), api1.throughput(), api2.throughput(), direct2.throughput()));
		List<SearchQuerySet.Query> queryList = SearchQuerySet.queries();
		report.detail(String.format("  %-46s %12s %12s", "median by query", "direct ms", "API ms"));
		for (int i = 0; i < queryList.size(); i++) {
			report.detail(String.format("  %-46s %12.1f %12.1f", queryList.get(i).name(), directByQuery.medianMillis(i),
					apiByQuery.medianMillis(i)));
		}
		report.detail("search direct to Elasticsearch: " + direct.describe());
		report.detail("search through the API:         " + api.describe());

		// (c) Write to searchable
		LatencyStats writes = new WriteToSearchable(apiUri, http, elasticsearch, json).measure(settings.writes(),
				settings.writeInterval());
		report.detail(String.format(
				"write-to-searchable: %d writes, one every %d ms, %d never found; p50 %.0f ms, "
						+ "p95 %.0f ms, p99 %.0f ms, max %.0f ms",
				writes.count(), settings.writeInterval().toMillis(), writes.errors(), writes.percentileMillis(50),
				writes.percentileMillis(95), writes.percentileMillis(99), writes.percentileMillis(100)));

		report.atMost("(b) API p99 / Elasticsearch p99", api.percentileMillis(99) / direct.percentileMillis(99), 1.25,
				"x");
		report.atLeast("(b) API / Elasticsearch throughput", api.throughput() / direct.throughput(), 0.8, "x");
		report.atMost("(c) write-to-searchable p99", writes.percentileMillis(99), 1000, " ms");
		if (api.errors() > 0 || direct.errors() > 0 || writes.errors() > 0) {
			report.detail("WARNING: some requests failed; see the counts above");
		}
	}

	/** (d) booking throughput and (e) availability calendars. */
	private static void booking(BenchSettings settings, BenchReport report, PostgresEndpoint postgres, URI apiUri,
			HttpClient http, JsonMapper json) throws Exception {
		ClosedLoopLoad load = new ClosedLoopLoad(http, settings.concurrency());
		BookingLoad booking = new BookingLoad(apiUri, http, postgres, json, settings.concurrency());
		booking.prepare();
		// Indexing the catalogue asked the matching refresh about every new entry: that
		// background work must be over, or it takes the CPU from the API side only. At
		// 1,000,000 entries it outlasts any benchmark, so the wait ends at 10 minutes.
		long draining = System.nanoTime();
		String pending = waitUntilOutboxEmpty(postgres, Duration.ofMinutes(10));
		report.detail(String.format("booking: the outbox emptied in %.1f s before measuring%s",
				seconds(System.nanoTime() - draining),
				pending.isEmpty() ? ""
						: "; WARNING: it did not (no progress for 3 minutes, or 10 minutes in all), so (d) is "
								+ "measured beside that work: " + pending));
		LocalDate week = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(2);
		report.detail("booking: API warm-up " + warmUpBooking(booking, week.plusWeeks(17), settings.warmup()));
		waitUntilOutboxEmpty(postgres);
		LatencyStats bookingApi = booking.bookThroughApi(week, settings.duration().dividedBy(2));
		// The notices of the API's bookings are delivered in the background; the raw side
		// starts once they are.
		long delivering = System.nanoTime();
		waitUntilOutboxEmpty(postgres);
		double delivered = seconds(System.nanoTime() - delivering);
		// Weeks apart: the API's measured week, then 8 for the raw side and 8 for its
		// warm-up, then the API's warm-up (at most 30 weeks, within the year ahead).
		booking.insertRaw(week.plusWeeks(9), settings.warmup());
		LatencyStats bookingRaw = booking.insertRaw(week.plusWeeks(1), settings.duration().dividedBy(2));
		report.detail(String.format("booking: %,d instruments open around the clock, %d client threads, a distinct "
				+ "instrument and hour per request", booking.instruments(), settings.concurrency()));
		report.detail("booking through the API (201): " + bookingApi.describe());
		report.detail(String.format("  their notices were all delivered %.1f s after the last answer", delivered));
		report.detail("raw INSERTs (booking, event, notification): " + bookingRaw.describe());
		List<java.net.http.HttpRequest> calendars = booking.availabilityRequests(week);
		load.run(calendars, settings.warmup());
		LatencyStats availability = load.run(calendars, settings.duration().dividedBy(2));
		report.detail(
				"availability, a week of one of " + booking.instruments() + " instruments: " + availability.describe());

		report.atLeast("(d) booking API / raw insert throughput", bookingApi.throughput() / bookingRaw.throughput(),
				0.5, "x");
		report.atMost("(e) availability p99 (1,000 instruments, a week)", availability.percentileMillis(99), 100,
				" ms");
		if (bookingApi.errors() > 0 || availability.errors() > 0) {
			report.detail("WARNING: some requests failed; see the counts above");
		}
	}

	/**
	 * Books through the API until the JIT has done its work: for {@code least}, then in
	 * rounds of 10 s (a week each, from {@code week} on) until two rounds in a row fail
	 * to beat the best before them by more than 3 %, at most 5 minutes in all. On 2
	 * cores, the booking path took over a minute to reach its steady throughput, twice
	 * what it did after the default 20 s. Answers what it did, for the report.
	 */
	private static String warmUpBooking(BookingLoad booking, LocalDate week, Duration least)
			throws InterruptedException {
		long started = System.nanoTime();
		booking.bookThroughApi(week, least);
		StringBuilder rounds = new StringBuilder();
		double best = 0;
		int flat = 0;
		for (int round = 1; flat < 2 && System.nanoTime() - started < Duration.ofMinutes(5).toNanos(); round++) {
			double throughput = booking.bookThroughApi(week.plusWeeks(round), Duration.ofSeconds(10)).throughput();
			rounds.append(rounds.isEmpty() ? "" : ", ").append(String.format("%.0f", throughput));
			flat = (throughput <= best * 1.03) ? flat + 1 : 0;
			best = Math.max(best, throughput);
		}
		return String.format("%.0f s (%s, then 10 s rounds until two in a row gained 3 %% or less: %s req/s)",
				seconds(System.nanoTime() - started), least, rounds);
	}

	/** (f) firms' matches in the generated catalogue. */
	private static void matching(BenchSettings settings, BenchReport report, PostgresEndpoint postgres,
			URI elasticsearchUri, URI apiUri, HttpClient http, BenchMatchingAccess access, JsonMapper json)
			throws Exception {
		MatchingLoad matching = new MatchingLoad(apiUri, elasticsearchUri, http, json, access);
		matching.prepare();
		// Each save asks the matching refresh to work the firm's matches out (and the
		// catalogue's indexing asked it about every new entry): that runs through the
		// outbox, and must be over before anything is timed.
		long draining = System.nanoTime();
		String pending = waitUntilOutboxEmpty(postgres);
		if (!pending.isEmpty()) {
			report.detail("WARNING: the outbox stopped shrinking for three minutes, measured anyway: " + pending);
		}
		MatchingLoad.Requests requests = matching.requests();
		int[] candidates = matching.check(requests);
		report.detail(String.format(
				"matching: %d firms registered, verified and profiled through the API, outbox drained %.1f s later; "
						+ "candidates per firm (at most app.matching.candidates) %s; %d client threads, warm-up %s each",
				matching.firms(), seconds(System.nanoTime() - draining), MatchingLoad.describe(candidates),
				settings.concurrency(), settings.warmup()));
		ClosedLoopLoad load = new ClosedLoopLoad(http, settings.concurrency());
		load.run(requests.direct(), settings.warmup());
		load.run(requests.api(), settings.warmup());
		// Alternating rounds, as for search.
		Duration half = settings.duration().dividedBy(2);
		QueryLatencies directByList = new QueryLatencies(requests.direct().size());
		QueryLatencies apiByList = new QueryLatencies(requests.api().size());
		LatencyStats direct1 = load.run(requests.direct(), half, directByList);
		LatencyStats api1 = load.run(requests.api(), half, apiByList);
		LatencyStats api2 = load.run(requests.api(), half, apiByList);
		LatencyStats direct2 = load.run(requests.direct(), half, directByList);
		LatencyStats direct = LatencyStats.merge(direct1, direct2);
		LatencyStats api = LatencyStats.merge(api1, api2);
		report.detail(String.format("matching rounds (req/s): direct %.1f, API %.1f, API %.1f, direct %.1f",
				direct1.throughput(), api1.throughput(), api2.throughput(), direct2.throughput()));
		report.detail(String.format("  %-46s %12s %12s", "by list (p50 / p99 ms)", "direct", "API"));
		for (int parity = 0; parity < 2; parity++) {
			int list = parity;
			IntPredicate of = (i) -> i % 2 == list;
			report.detail(String.format("  %-46s %5.1f /%5.1f %5.1f /%5.1f", (list == 0) ? "financing" : "offerings",
					directByList.percentileMillis(of, 50), directByList.percentileMillis(of, 99),
					apiByList.percentileMillis(of, 50), apiByList.percentileMillis(of, 99)));
		}
		report.detail("matching direct to Elasticsearch: " + direct.describe());
		report.detail("matching through the API:         " + api.describe());
		report.detail(String.format("matching API / direct: p99 %.2fx, throughput %.2fx",
				api.percentileMillis(99) / direct.percentileMillis(99), api.throughput() / direct.throughput()));

		// The latency one firm sees when the service is not saturated: above, with more
		// clients than cores, the percentiles are mostly time spent queueing.
		ClosedLoopLoad alone = new ClosedLoopLoad(http, 1);
		LatencyStats directAlone = alone.run(requests.direct(), half);
		LatencyStats apiAlone = alone.run(requests.api(), half);
		report.detail("one client at a time, direct:    " + directAlone.describe());
		report.detail("one client at a time, API:       " + apiAlone.describe());

		report.atMost("(f) matching p99 through the API, one client at a time", apiAlone.percentileMillis(99), 150,
				" ms");
		report.atMost("(f) matching p99 through the API, " + settings.concurrency() + " clients",
				api.percentileMillis(99), 150, " ms");
		if (api.errors() > 0 || direct.errors() > 0 || apiAlone.errors() > 0 || directAlone.errors() > 0) {
			report.detail("WARNING: some requests failed; see the counts above");
		}
	}

	/**
	 * Waits until every outbox row has been handled, as long as the outbox keeps
	 * shrinking (at 1,000,000 entries the matching refresh that indexing asked for takes
	 * a while); gives up when it has not shrunk for three minutes.
	 * @return the rows still waiting, by topic; empty when the outbox is
	 */
	private static String waitUntilOutboxEmpty(PostgresEndpoint postgres) throws SQLException, InterruptedException {
		return waitUntilOutboxEmpty(postgres, Duration.ofDays(1));
	}

	/** The same, giving up after {@code atMost} in any case. */
	private static String waitUntilOutboxEmpty(PostgresEndpoint postgres, Duration atMost)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password())) {
			long least = Long.MAX_VALUE;
			long progressed = System.nanoTime();
			for (long pending = single(connection, "select count(*) from outbox"); pending > 0; pending = single(
					connection, "select count(*) from outbox")) {
				if (pending < least) {
					least = pending;
					progressed = System.nanoTime();
				}
				else if (System.nanoTime() - progressed > Duration.ofMinutes(3).toNanos()) {
					return outboxByTopic(connection);
				}
				if (System.nanoTime() > deadline) {
					return outboxByTopic(connection);
				}
				Thread.sleep(100);
			}
		}
		return "";
	}

	private static String outboxByTopic(Connection connection) throws SQLException {
		StringBuilder pending = new StringBuilder();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select topic, count(*) from outbox group by topic order by topic")) {
			while (rows.next()) {
				pending.append(pending.isEmpty() ? "" : ", ")
					.append(rows.getString(1))
					.append(' ')
					.append(rows.getLong(2));
			}
		}
		return pending.toString();
	}

	private static ConfigurableApplicationContext startApplication(BenchSettings settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("app.demo.enabled", "true");
		// The booking load registers its users from this one address.
		properties.put("app.security.rate-limits.registrations-per-address", "100000");
		// The load's users log in once; their tokens must outlive a long measured run.
		properties.put("app.security.jwt.access-token-ttl", "6h");
		properties.put("czt.local-services.data-dir", settings.dataDirectory().toString());
		properties.put("czt.local-services.postgres-port", "0");
		properties.put("czt.local-services.elasticsearch-port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.cn.cztexchange", "INFO");
		// As arguments: they must win over application.yml, which default properties do
		// not.
		return new SpringApplicationBuilder(CztExchangeApplication.class).run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	/** Waits until the outbox is empty and the alias holds every published entry. */
	private static long waitUntilIndexed(PostgresEndpoint postgres, ElasticsearchHttp elasticsearch)
			throws SQLException, InterruptedException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password())) {
			for (int attempt = 0; attempt < 1200; attempt++) {
				long pending = single(connection, "select count(*) from outbox");
				long published = single(connection, "select count(*) from catalog_entries where status = 'PUBLISHED'");
				if (pending == 0 && elasticsearch.count(BenchSearchAccess.ALIAS) == published) {
					return published;
				}
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("The demo catalogue was not indexed within two minutes");
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/** A fresh start: everything but the unpacked server distributions goes. */
	private static void emptyDataDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> children = Files.list(directory)) {
			for (Path child : children.filter((path) -> !path.getFileName().toString().equals("dist")).toList()) {
				try (Stream<Path> tree = Files.walk(child)) {
					for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(path);
					}
				}
			}
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
