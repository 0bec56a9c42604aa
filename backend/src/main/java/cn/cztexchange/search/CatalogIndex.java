package cn.cztexchange.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.catalog.FinancingDetails;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.TechNeedDetails;
import cn.cztexchange.identity.City;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;

import cn.cztexchange.text.AnalysedText;
import cn.cztexchange.text.TextAnalysis;

/**
 * Owns the catalogue index: its mapping (a JSON resource beside this class's package),
 * the versioned index {@code catalog-vN} and the {@code catalog} alias that everything
 * reads and writes through, and the document an entry becomes.
 */
@Component
class CatalogIndex {

	static final String ALIAS = "catalog";

	static final String FIRST_INDEX = ALIAS + "-v1";

	private static final Map<City, String> CITY_NAMES = Map.of(City.CHANGSHA, "长沙", City.ZHUZHOU, "株洲", City.XIANGTAN,
			"湘潭");

	private static final Map<TechNeedDetails.NeedType, String> NEED_TYPE_NAMES = Map.of(
			TechNeedDetails.NeedType.JOINT_DEVELOPMENT, "合作研发", TechNeedDetails.NeedType.LICENCE_IN, "技术引进 技术许可",
			TechNeedDetails.NeedType.COMMISSIONED_DEVELOPMENT, "委托开发", TechNeedDetails.NeedType.PROBLEM_SOLVING, "技术攻关",
			TechNeedDetails.NeedType.CONSULTING, "技术咨询");

	private final ElasticsearchAsyncClient client;

	private final SearchProperties properties;

	private final JsonMapper json;

	CatalogIndex(ElasticsearchAsyncClient client, SearchProperties properties, JsonMapper json) {
		this.client = client;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Creates the first index with the alias when there is none. Safe when several
	 * replicas start at once: the loser of the race finds the index already there.
	 */
	Mono<Void> ensureExists() {
		return Mono.fromFuture(() -> this.client.indices().existsAlias((a) -> a.name(ALIAS)))
			.flatMap((exists) -> exists.value() ? Mono.empty() : Mono.fromFuture(() -> this.client.indices()
				.create((c) -> c.index(FIRST_INDEX).withJson(definition()).aliases(ALIAS, (a) -> a.isWriteIndex(true))))
				.onErrorResume(CatalogIndex::alreadyExists, (ex) -> Mono.empty())
				.then());
	}

	/**
	 * The version of the mapping this code writes ({@code _meta.version} in the
	 * resource); raised whenever the mapping or the analysed fields change.
	 */
	int mappingVersion() {
		return this.json.readTree(definition()).path("mappings").path("_meta").path("version").asInt(0);
	}

	/**
	 * The mapping version of the index the alias points at (0 for one from before
	 * versions); empty when there is no alias yet.
	 */
	Mono<Integer> aliasedMappingVersion() {
		return Mono.fromFuture(() -> this.client.indices().getMapping((m) -> m.index(ALIAS)))
			.flatMap((response) -> Mono.justOrEmpty(response.result().values().stream().findFirst()))
			.map((mapping) -> {
				JsonData version = (mapping.mappings().meta() != null) ? mapping.mappings().meta().get("version")
						: null;
				return (version != null) ? version.to(Integer.class) : 0;
			})
			.onErrorResume(CatalogIndex::notFound, (ex) -> Mono.empty());
	}

	/** Creates a new, empty catalogue index (no alias) with the current mapping. */
	Mono<Void> create(String name) {
		return Mono.fromFuture(() -> this.client.indices().create((c) -> c.index(name).withJson(definition()))).then();
	}

	/** The indices the alias points at now. */
	Mono<Set<String>> aliased() {
		return Mono.fromFuture(() -> this.client.indices().getAlias((a) -> a.name(ALIAS)))
			.map((response) -> response.result().keySet())
			.onErrorResume(ElasticsearchException.class, (ex) -> Mono.just(Set.of()));
	}

	/** The next free {@code catalog-vN}. */
	Mono<String> nextName() {
		return Mono.fromFuture(() -> this.client.indices().get((g) -> g.index(ALIAS + "-v*").allowNoIndices(true)))
			.map((response) -> response.result()
				.keySet()
				.stream()
				.map((name) -> name.substring((ALIAS + "-v").length()))
				.filter((suffix) -> suffix.matches("\\d+"))
				.mapToInt(Integer::parseInt)
				.max()
				.orElse(0) + 1)
			.map((version) -> ALIAS + "-v" + version);
	}

	/**
	 * Points the alias at the new index and away from the old ones in one atomic step, so
	 * that searches never see no index or two; then deletes the old ones.
	 */
	Mono<Void> swapTo(String index, Set<String> previous) {
		// Refreshed first, so that the first search through the alias already sees
		// everything.
		return Mono.fromFuture(() -> this.client.indices().refresh((r) -> r.index(index)))
			.then(Mono.fromFuture(() -> this.client.indices().updateAliases((u) -> {
				previous.forEach((old) -> u.actions((a) -> a.remove((r) -> r.index(old).alias(ALIAS))));
				return u.actions((a) -> a.add((add) -> add.index(index).alias(ALIAS).isWriteIndex(true)));
			})))
			.then(previous.isEmpty() ? Mono.empty()
					: Mono.fromFuture(() -> this.client.indices().delete((d) -> d.index(List.copyOf(previous))))
						.then());
	}

	/**
	 * The bulk operation that puts a published entry's document into the index (the
	 * request's), serialised now. It carries the entry's version, so that Elasticsearch
	 * keeps the newest state even when two indexers (replicas) deliver an entry's states
	 * out of order.
	 */
	BulkOperation indexOperation(PublishedEntry entry) {
		BinaryData document = BinaryData.of(document(entry), this.client._jsonpMapper());
		return BulkOperation.of((op) -> op.index((i) -> i.id(entry.id().toString())
			.version((long) entry.version())
			.versionType(VersionType.ExternalGte)
			.document(document)));
	}

	/** The bulk operation that removes an entry, at its version (see above). */
	static BulkOperation deleteOperation(UUID id, long version) {
		return BulkOperation
			.of((op) -> op.delete((d) -> d.id(id.toString()).version(version).versionType(VersionType.ExternalGte)));
	}

	/**
	 * The document a published entry becomes: the shared fields on top, the kind's own
	 * below.
	 */
	static Map<String, Object> document(PublishedEntry entry) {
		EntryContent content = entry.content();
		Map<String, Object> document = new HashMap<>();
		document.put("id", entry.id().toString());
		document.put("kind", entry.kind().name());
		document.put("titleZh", content.titleZh());
		document.put("titleEn", content.titleEn());
		document.put("summaryZh", content.summaryZh());
		document.put("summaryEn", content.summaryEn());
		document.put("city", content.city().name());
		document.put("district", content.district());
		document.put("industryChains",
				(content.industryChains() != null) ? content.industryChains().stream().map(Enum::name).toList() : null);
		document.put("tags", content.tags());
		document.put("organisation", Map.of("id", entry.owner().id().toString(), "nameZh", entry.owner().nameZh(),
				"nameEn", entry.owner().nameEn()));
		if (content.location() != null) {
			document.put("location", Map.of("lat", content.location().lat(), "lon", content.location().lon()));
		}
		document.put("publishedAt", entry.publishedAt().toString());
		document.put("details", content.detailsOf(entry.kind()));
		if (content.imageIds() != null && !content.imageIds().isEmpty()) {
			document.put("coverImageId", content.imageIds().get(0).toString());
		}
		facetFields(content, document);
		analysedFields(entry, document);
		return document;
	}

	/**
	 * The text as the backend analyses it (see {@link TextAnalysis}): Chinese as words,
	 * English stemmed, and the words that say where and by whom, so that a query such as
	 * 长沙 扫描电镜 can find each of its words in a different field.
	 */
	private static void analysedFields(PublishedEntry entry, Map<String, Object> document) {
		EntryContent content = entry.content();
		AnalysedText text = entry.currentText();
		document.put("titleZhWords", text.titleZhWords());
		document.put("summaryZhWords", text.summaryZhWords());
		document.put("titleEnWords", text.titleEnWords());
		document.put("summaryEnWords", text.summaryEnWords());
		List<String> context = new ArrayList<>();
		context.add(CITY_NAMES.get(content.city()));
		context.add(content.district());
		context.add(entry.owner().nameZh());
		context.addAll(nonNull(content.tags()));
		if (content.instrument() != null) {
			context.add(content.instrument().model());
			context.add(content.instrument().manufacturer());
		}
		if (content.literature() != null) {
			context.addAll(nonNull(content.literature().keywords()));
			context.addAll(nonNull(content.literature().authors()));
		}
		if (content.financing() != null) {
			context.add(content.financing().institution());
		}
		if (content.techNeed() != null) {
			// So that 技术需求 or 委托开发 in the query box finds the needs of that kind.
			context.add("技术需求");
			context.add(NEED_TYPE_NAMES.get(content.techNeed().needType()));
		}
		StringJoiner words = new StringJoiner(" ");
		context.stream().filter(Objects::nonNull).map(TextAnalysis::recurringChineseWords).forEach(words::add);
		words.add(TextAnalysis.recurringEnglishWords(content.city().name()))
			.add(TextAnalysis.recurringEnglishWords(entry.owner().nameEn()));
		document.put("contextWords", words.toString());
		document.put("titlePinyin", text.titlePinyin());
		document.put("organisationPinyin", TextAnalysis.recurringPinyin(entry.owner().nameZh()));
	}

	private static List<String> nonNull(List<String> values) {
		return (values != null) ? values : List.of();
	}

	/**
	 * The kind-specific values that are filtered, faceted and sorted on, lifted to the
	 * top.
	 */
	private static void facetFields(EntryContent content, Map<String, Object> document) {
		if (content.instrument() != null) {
			InstrumentDetails instrument = content.instrument();
			document.put("category", instrument.category().name());
			document.put("serviceModes", instrument.serviceModes().stream().map(Enum::name).sorted().toList());
			document.put("model", instrument.model());
			document.put("priceFen", lowest(instrument.internalPrice(), instrument.externalPrice()));
		}
		if (content.service() != null) {
			document.put("serviceType", content.service().serviceType().name());
			document.put("priceFen", lowest(content.service().price()));
		}
		if (content.techOffering() != null) {
			document.put("ipType", content.techOffering().ipType().name());
			document.put("dealModes", names(content.techOffering().dealModes()));
			document.put("priceFen", content.techOffering().askingPriceFen());
			document.put("trl", content.techOffering().trl());
		}
		if (content.financing() != null) {
			FinancingDetails financing = content.financing();
			document.put("financingKind", financing.financingKind().name());
			document.put("stages", names(financing.stages()));
			document.put("ticketMinFen", financing.ticketMinFen());
			document.put("ticketMaxFen", financing.ticketMaxFen());
			// What it means, not what was typed: no cities named serves all three, so
			// that a filter on a firm's city needs no special case for "absent".
			document.put("financing", Map.of("cities", names(financing.servedCities()), "requiredQualifications",
					names(financing.qualificationsRequired())));
		}
		if (content.techNeed() != null) {
			TechNeedDetails need = content.techNeed();
			// The deal modes a need wants share the offerings' field, so that one deal
			// mode filter serves both sides.
			document.put("dealModes", names(need.dealModes()));
			Map<String, Object> fields = new HashMap<>();
			fields.put("needType", need.needType().name());
			fields.put("budgetMinFen", need.budgetMinFen());
			fields.put("budgetMaxFen", need.budgetMaxFen());
			fields.put("deadline", (need.deadline() != null) ? need.deadline().toString() : null);
			fields.put("dealModes", names(need.dealModes()));
			fields.put("minTrl", need.minTrl());
			document.put("techNeed", fields);
		}
	}

	private static List<String> names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toList();
	}

	private static Long lowest(EntryContent.Price... prices) {
		return Arrays.stream(prices)
			.filter(Objects::nonNull)
			.map(EntryContent.Price::amountFen)
			.min(Long::compare)
			.orElse(null);
	}

	/**
	 * The mapping and analysis from the JSON resource, with the configured shards and
	 * replicas.
	 */
	@SuppressWarnings("unchecked")
	private InputStream definition() {
		try (InputStream in = new ClassPathResource("search/catalog-index.json").getInputStream()) {
			Map<String, Object> definition = this.json.readValue(in, Map.class);
			Map<String, Object> settings = (Map<String, Object>) definition.get("settings");
			settings.put("number_of_shards", this.properties.indexShards());
			settings.put("number_of_replicas", this.properties.indexReplicas());
			return new ByteArrayInputStream(this.json.writeValueAsBytes(definition));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean notFound(Throwable ex) {
		return ex instanceof ElasticsearchException es && "index_not_found_exception".equals(es.error().type());
	}

	private static boolean alreadyExists(Throwable ex) {
		return ex instanceof ElasticsearchException es && "resource_already_exists_exception".equals(es.error().type());
	}

}
