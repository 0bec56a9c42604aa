package cn.cztexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The few plain HTTP calls the benchmark makes to Elasticsearch itself. */
final class ElasticsearchHttp {

	private final URI base;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	ElasticsearchHttp(URI base, HttpClient http) {
		this.base = base;
		this.http = http;
	}

	URI base() {
		return this.base;
	}

	/**
	 * Documents an index or alias holds as searchers see them now (no refresh); 0 while
	 * it does not exist yet.
	 */
	long count(String index) {
		Map<?, ?> answer = call("GET", "/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true", null);
		return ((Number) answer.get("count")).longValue();
	}

	/** Hits of an ids query: whether a search finds the document yet. */
	long searchableById(String index, String id) {
		Map<?, ?> answer = call("POST", "/" + index + "/_search",
				"{\"size\":0,\"track_total_hits\":true,\"query\":{\"ids\":{\"values\":[\"" + id + "\"]}}}");
		return ((Number) ((Map<?, ?>) ((Map<?, ?>) answer.get("hits")).get("total")).get("value")).longValue();
	}

	void refresh(String index) {
		call("POST", "/" + index + "/_refresh", null);
	}

	void delete(String index) {
		call("DELETE", "/" + index, null);
	}

	Map<?, ?> call(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofMinutes(5))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, BodyHandlers.ofByteArray());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
			}
			return this.json.readValue(response.body(), Map.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
