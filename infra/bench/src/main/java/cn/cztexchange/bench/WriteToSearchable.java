package cn.cztexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.BenchCatalog;
import cn.cztexchange.search.BenchSearchAccess;

/**
 * Time from a committed write to a search that finds it, through the real path: the demo
 * publisher creates and submits an entry, the demo admin approves it (the approval
 * commits the publication and its outbox row), and from the moment the approval answers,
 * a search by id on the alias is repeated until it finds the entry. Writes follow each
 * other at a fixed pace while earlier ones are still being watched.
 */
final class WriteToSearchable {

	/** The demo publisher's organisation (see DemoAccounts). */
	private static final String PUBLISHER_ORGANISATION = "00000000-0000-7000-8000-000000000104";

	private static final String PASSWORD = "Demo-Xiangjiang-2026";

	private static final Duration POLL = Duration.ofMillis(5);

	private static final Duration GIVE_UP = Duration.ofSeconds(30);

	private final URI api;

	private final HttpClient http;

	private final ElasticsearchHttp elasticsearch;

	private final JsonMapper json;

	WriteToSearchable(URI api, HttpClient http, ElasticsearchHttp elasticsearch, JsonMapper json) {
		this.api = api;
		this.http = http;
		this.elasticsearch = elasticsearch;
		this.json = json;
	}

	LatencyStats measure(int writes, Duration interval) throws IOException, InterruptedException {
		String publisher = login("publisher@demo.cztexchange.cn");
		String admin = login("admin@demo.cztexchange.cn");
		ExecutorService watchers = Executors.newFixedThreadPool(4);
		List<CompletableFuture<Long>> watched = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < writes; i++) {
				long due = started + i * interval.toNanos();
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				Map<String, Object> create = Map.of("kind", "INSTRUMENT", "ownerOrganisationId", PUBLISHER_ORGANISATION,
						"content", BenchCatalog.freshInstrument(i));
				String id = (String) call("POST", "/api/v1/catalog/entries", publisher, create).get("id");
				call("POST", "/api/v1/catalog/entries/" + id + "/submit", publisher, null);
				call("POST", "/api/v1/admin/catalog/entries/" + id + "/approve", admin, null);
				long committed = System.nanoTime();
				watched.add(CompletableFuture.supplyAsync(() -> untilSearchable(id, committed), watchers));
			}
			long[] latencies = new long[watched.size()];
			long failures = 0;
			int count = 0;
			for (CompletableFuture<Long> future : watched) {
				Long latency = future.join();
				if (latency != null) {
					latencies[count++] = latency;
				}
				else {
					failures++;
				}
			}
			return LatencyStats.of(java.util.Arrays.copyOf(latencies, count), failures,
					Duration.ofNanos(System.nanoTime() - started));
		}
		finally {
			watchers.shutdownNow();
		}
	}

	/** Nanoseconds from the commit until a search found it; null if it never did. */
	private Long untilSearchable(String id, long committed) {
		long giveUp = committed + GIVE_UP.toNanos();
		while (System.nanoTime() < giveUp) {
			if (this.elasticsearch.searchableById(BenchSearchAccess.ALIAS, id) > 0) {
				return System.nanoTime() - committed;
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	private String login(String email) throws IOException, InterruptedException {
		// The demo accounts are created in the background at start-up.
		for (int attempt = 0;; attempt++) {
			try {
				return (String) call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD))
					.get("accessToken");
			}
			catch (IllegalStateException ex) {
				if (attempt == 20) {
					throw ex;
				}
				Thread.sleep(500);
			}
		}
	}

	private Map<?, ?> call(String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(this.json.writeValueAsString(body))
					: BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<byte[]> response = this.http.send(request.build(), BodyHandlers.ofByteArray());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return this.json.readValue(response.body(), Map.class);
	}

}
