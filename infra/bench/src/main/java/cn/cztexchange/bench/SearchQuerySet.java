package cn.cztexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.search.BenchSearchAccess;

/**
 * The mixed query set: Chinese and English words (one with a typo), model numbers and
 * abbreviations, browsing with filters, facet-heavy pages, sorting by price, newest and
 * distance, and deep pages reached through {@code after} cursors. Each query exists
 * twice: as the API request and as the exact Elasticsearch request the API sends for it.
 */
final class SearchQuerySet {

	/**
	 * One query.
	 *
	 * @param name what it is
	 * @param parameters its query parameters
	 * @param pagesDeep how many pages to follow with {@code after} before it is measured
	 */
	record Query(String name, Map<String, List<String>> parameters, int pagesDeep) {
	}

	private final URI api;

	private final URI elasticsearch;

	private final HttpClient http;

	private final BenchSearchAccess search;

	private final JsonMapper json = JsonMapper.builder().build();

	SearchQuerySet(URI api, URI elasticsearch, HttpClient http, BenchSearchAccess search) {
		this.api = api;
		this.elasticsearch = elasticsearch;
		this.http = http;
		this.search = search;
	}

	static List<Query> queries() {
		List<Query> queries = new ArrayList<>();
		// Chinese words, whole and partial
		queries.add(query("zh: 质谱仪", 0, "q", "质谱仪"));
		queries.add(query("zh: 质谱 (partial word)", 0, "q", "质谱"));
		queries.add(query("zh: 扫描电子显微镜", 0, "q", "扫描电子显微镜"));
		queries.add(query("zh: 液相色谱", 0, "q", "液相色谱"));
		queries.add(query("zh: X射线衍射仪", 0, "q", "X射线衍射仪"));
		queries.add(query("zh: 动力电池", 0, "q", "动力电池"));
		queries.add(query("zh: 轨道交通 检测", 0, "q", "轨道交通 检测"));
		queries.add(query("zh: 碳化硅", 0, "q", "碳化硅"));
		queries.add(query("zh: 检测服务 in Zhuzhou", 0, "q", "检测服务", "city", "ZHUZHOU"));
		queries.add(query("zh: 实验室 within 30 km", 0, "q", "实验室", "near", "27.83,113.13", "radiusKm", "30"));
		// English, one misspelt
		queries.add(query("en: mass spectrometer", 0, "q", "mass spectrometer"));
		queries.add(query("en: electron microscope", 0, "q", "electron microscope"));
		queries.add(query("en: chromatograph", 0, "q", "chromatograph"));
		queries.add(query("en: spectrometr (typo)", 0, "q", "spectrometr"));
		queries.add(query("en: battery testing", 0, "q", "battery testing"));
		// Model numbers and abbreviations
		queries.add(query("model: 7900", 0, "q", "7900"));
		queries.add(query("model: SU5000", 0, "q", "SU5000"));
		queries.add(query("abbr: ICP-MS", 0, "q", "ICP-MS"));
		queries.add(query("abbr: HPLC, instruments", 0, "q", "HPLC", "kind", "INSTRUMENT"));
		// Browsing with filters and facets
		queries.add(query("browse: everything, newest", 0));
		queries.add(query("browse: instruments in Changsha", 0, "kind", "INSTRUMENT", "city", "CHANGSHA"));
		queries.add(query("browse: rail-transit services", 0, "kind", "SERVICE", "industryChain", "RAIL_TRANSIT"));
		queries.add(query("browse: analytical, machine time, by price", 0, "category", "ANALYTICAL", "serviceMode",
				"MACHINE_TIME", "sort", "PRICE"));
		queries.add(query("browse: licensable offerings, newest", 0, "kind", "TECH_OFFERING", "dealMode", "LICENCE",
				"sort", "NEWEST"));
		queries.add(query("browse: VC funds for growth, ticket 5M", 0, "kind", "FINANCING", "financingKind",
				"VC_PE_FUND", "stage", "GROWTH", "ticketFen", "500000000"));
		queries.add(query("browse: price 100-500 yuan, by price", 0, "priceMinFen", "10000", "priceMaxFen", "50000",
				"sort", "PRICE"));
		queries.add(query("browse: within 10 km, by distance", 0, "near", "28.19,112.97", "radiusKm", "10", "sort",
				"DISTANCE"));
		queries.add(query("browse: Xiangtan new-materials literature", 0, "kind", "LITERATURE", "city", "XIANGTAN",
				"industryChain", "NEW_MATERIALS"));
		queries.add(query("browse: tag 电镜 in Changsha", 0, "tag", "电镜", "city", "CHANGSHA"));
		queries.add(query("facets: two kinds, two cities, 50 a page", 0, "kind", "INSTRUMENT", "kind", "SERVICE",
				"city", "CHANGSHA", "city", "ZHUZHOU", "size", "50"));
		// Deep pages through cursors
		queries.add(query("deep: everything, page 11", 10));
		queries.add(query("deep: 检测, page 6", 5, "q", "检测"));
		queries.add(query("deep: instruments by price, page 21", 20, "kind", "INSTRUMENT", "sort", "PRICE"));
		queries.add(query("deep: by distance, page 6", 5, "near", "28.23,112.94", "sort", "DISTANCE"));
		return queries;
	}

	/**
	 * The API request and the Elasticsearch request of every query, with the cursors of
	 * deep pages found by paging through the API first.
	 */
	Requests requests(List<Query> queries) throws IOException, InterruptedException {
		List<HttpRequest> api = new ArrayList<>();
		List<HttpRequest> direct = new ArrayList<>();
		for (Query query : queries) {
			Map<String, List<String>> parameters = new LinkedHashMap<>(query.parameters());
			for (int page = 0; page < query.pagesDeep(); page++) {
				Map<?, ?> answer = this.json.readValue(fetch(apiRequest(parameters)), Map.class);
				Object next = answer.get("next");
				if (next == null) {
					throw new IllegalStateException(query.name() + ": no page " + (page + 2));
				}
				parameters.put("after", List.of(next.toString()));
			}
			api.add(apiRequest(parameters));
			direct.add(HttpRequest
				.newBuilder(this.elasticsearch.resolve("/" + BenchSearchAccess.ALIAS + "/_search?typed_keys=true"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(this.search.elasticsearchBody(parameters)))
				.build());
		}
		return new Requests(api, direct);
	}

	/**
	 * The two request lists, in the same order.
	 *
	 * @param api through the API
	 * @param direct straight to Elasticsearch
	 */
	record Requests(List<HttpRequest> api, List<HttpRequest> direct) {
	}

	private HttpRequest apiRequest(Map<String, List<String>> parameters) {
		String query = parameters.entrySet()
			.stream()
			.flatMap((parameter) -> parameter.getValue()
				.stream()
				.map((value) -> parameter.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(this.api.resolve("/api/v1/search" + (query.isEmpty() ? "" : "?" + query)))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	private byte[] fetch(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(request, BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body();
	}

	/** Checks every request once, so that a broken query fails before it is measured. */
	void check(Requests requests) throws IOException, InterruptedException {
		for (int i = 0; i < requests.api().size(); i++) {
			fetch(requests.api().get(i));
			fetch(requests.direct().get(i));
		}
	}

	private static Query query(String name, int pagesDeep, String... parameters) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			map.computeIfAbsent(parameters[i], (key) -> new ArrayList<>()).add(parameters[i + 1]);
		}
		return new Query(name, map, pagesDeep);
	}

}
