package cn.cztexchange.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The yardstick for indexing: the same documents, pre-built as an NDJSON file, sent
 * straight to Elasticsearch's {@code _bulk} in batches of the indexer's size, one request
 * at a time as the indexer does, into a fresh index with the catalogue's mapping. Timed
 * from the first request until a {@code _count} sees every document, as the indexer is.
 */
final class RawBulkLoad {

	private final ElasticsearchHttp elasticsearch;

	private final HttpClient http;

	RawBulkLoad(ElasticsearchHttp elasticsearch, HttpClient http) {
		this.elasticsearch = elasticsearch;
		this.http = http;
	}

	/** Loads the file into {@code index}; answers the time until all were searchable. */
	Duration load(Path bulkFile, String index, int batchSize, long expected) throws IOException, InterruptedException {
		long started = System.nanoTime();
		try (BufferedReader lines = Files.newBufferedReader(bulkFile, StandardCharsets.UTF_8)) {
			ByteArrayOutputStream batch = new ByteArrayOutputStream(batchSize * 4096);
			int documents = 0;
			String action;
			while ((action = lines.readLine()) != null) {
				batch.write(action.getBytes(StandardCharsets.UTF_8));
				batch.write('\n');
				batch.write(lines.readLine().getBytes(StandardCharsets.UTF_8));
				batch.write('\n');
				if (++documents == batchSize) {
					send(index, batch.toByteArray());
					batch.reset();
					documents = 0;
				}
			}
			if (documents > 0) {
				send(index, batch.toByteArray());
			}
		}
		while (this.elasticsearch.count(index) < expected) {
			Thread.sleep(50);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private void send(String index, byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.elasticsearch.base().resolve("/" + index + "/_bulk"))
			.timeout(Duration.ofMinutes(5))
			.header("Content-Type", "application/x-ndjson")
			.POST(BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
		// "errors" comes before the items in a bulk answer.
		String head = response.body().substring(0, Math.min(200, response.body().length()));
		if (response.statusCode() != 200 || !head.contains("\"errors\":false")) {
			throw new IllegalStateException("Bulk load failed (" + response.statusCode() + "): "
					+ response.body().substring(0, Math.min(2000, response.body().length())));
		}
	}

}
