package cn.cztexchange.matching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.matching.FirmProfile.HeldQualification;
import cn.cztexchange.text.TextAnalysis;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;

/**
 * Owns the firms index: the public cards of discoverable firms as matching reads them,
 * behind the alias {@code firms} (index {@code firms-vN}), with its mapping in
 * {@code matching/firms-index.json}. Only what the card shows is indexed, never a private
 * field: an expiry date of a qualification is the one detail beyond the card, so that a
 * certificate that runs out stops counting without a new save.
 */
@Component
class FirmIndex {

	static final String ALIAS = "firms";

	/** A certificate without an expiry date counts until this day. */
	static final String NO_EXPIRY = "9999-12-31";

	private static final String RESOURCE = "matching/firms-index.json";

	private final ElasticsearchAsyncClient client;

	private final MatchingProperties properties;

	private final JsonMapper json;

	FirmIndex(ElasticsearchAsyncClient client, MatchingProperties properties, JsonMapper json) {
		this.client = client;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Creates the first index with the alias when there is none; safe when several
	 * replicas start at once.
	 */
	Mono<Void> ensureExists() {
		return Mono.fromFuture(() -> this.client.indices().existsAlias((a) -> a.name(ALIAS)))
			.flatMap((exists) -> exists.value() ? Mono.empty() : create(ALIAS + "-v1", true));
	}

	/** Creates an index with the current mapping, with the alias or without. */
	Mono<Void> create(String name, boolean withAlias) {
		return Mono.fromFuture(() -> this.client.indices().create((c) -> {
			c.index(name).withJson(definition());
			return withAlias ? c.aliases(ALIAS, (a) -> a.isWriteIndex(true)) : c;
		})).onErrorResume(FirmIndex::alreadyExists, (ex) -> Mono.empty()).then();
	}

	/** The mapping version this code writes ({@code _meta.version}). */
	int mappingVersion() {
		return this.json.readTree(definition()).path("mappings").path("_meta").path("version").asInt(0);
	}

	/** The mapping version of the index behind the alias; empty without one. */
	Mono<Integer> aliasedMappingVersion() {
		return Mono.fromFuture(() -> this.client.indices().getMapping((m) -> m.index(ALIAS)))
			.flatMap((response) -> Mono.justOrEmpty(response.result().values().stream().findFirst()))
			.map((mapping) -> {
				JsonData version = (mapping.mappings().meta() != null) ? mapping.mappings().meta().get("version")
						: null;
				return (version != null) ? version.to(Integer.class) : 0;
			})
			.onErrorResume((ex) -> ex instanceof ElasticsearchException es
					&& "index_not_found_exception".equals(es.error().type()), (ex) -> Mono.empty());
	}

	/** The indices behind the alias. */
	Mono<Set<String>> aliased() {
		return Mono.fromFuture(() -> this.client.indices().getAlias((a) -> a.name(ALIAS)))
			.map((response) -> response.result().keySet())
			.onErrorResume(ElasticsearchException.class, (ex) -> Mono.just(Set.of()));
	}

	/** Points the alias at the index and away from the others at once; drops those. */
	Mono<Void> swapTo(String index, Set<String> previous) {
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
	 * The operation that indexes a discoverable firm's card, at the profile's version, so
	 * that two consumers delivering a firm's saves out of order leave the newest.
	 */
	BulkOperation indexOperation(StoredProfile stored) {
		BinaryData document = BinaryData.of(document(stored), this.client._jsonpMapper());
		return BulkOperation.of((op) -> op.index((i) -> i.id(stored.organisationId().toString())
			.version((long) stored.version())
			.versionType(VersionType.ExternalGte)
			.document(document)));
	}

	/** The operation that removes a firm (no longer discoverable, or gone). */
	static BulkOperation deleteOperation(java.util.UUID organisationId, long version) {
		return BulkOperation.of((op) -> op
			.delete((d) -> d.id(organisationId.toString()).version(version).versionType(VersionType.ExternalGte)));
	}

	/** The document a discoverable firm becomes. */
	static Map<String, Object> document(StoredProfile stored) {
		FirmProfile p = stored.profile();
		Map<String, Object> document = new HashMap<>();
		document.put("id", stored.organisationId().toString());
		document.put("industryChains", p.industryChains().stream().map(Enum::name).toList());
		document.put("stage", p.stage().name());
		document.put("city", p.city().name());
		document.put("district", p.district());
		Location place = p.place();
		if (place != null) {
			document.put("location", Map.of("lat", place.lat(), "lon", place.lon()));
		}
		document.put("foundedYear", p.foundedYear());
		document.put("employees", (p.employees() != null) ? p.employees().name() : null);
		Map<String, String> validUntil = new HashMap<>();
		if (p.qualifications() != null) {
			for (HeldQualification held : p.qualifications()) {
				String until = (held.expiresOn() != null) ? held.expiresOn().toString() : NO_EXPIRY;
				validUntil.merge(held.qualification().name(), until, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
			}
		}
		document.put("qualificationValidUntil", validUntil);
		document.put("amountMinFen", p.need().amountMinFen());
		document.put("amountMaxFen", p.need().amountMaxFen());
		document.put("instruments", p.need().preferred().stream().map(Enum::name).sorted().toList());
		document.put("hasNeeds", p.technologyNeeds() != null);
		document.put("productsZhWords", MatchText.join(MatchText.zhWords(p.products())));
		document.put("productsEnWords", MatchText.join(MatchText.enWords(p.products())));
		document.put("needsZhWords", MatchText.join(MatchText.zhWords(p.technologyNeeds())));
		document.put("needsEnWords", MatchText.join(MatchText.enWords(p.technologyNeeds())));
		document.put("contextWords", contextWords(p));
		document.put("updatedAt", stored.updatedAt().toString());
		return document;
	}

	/**
	 * The names of the firm's chains, city and district, in both languages: what a
	 * financing entry's text (产业投资基金 for 轨道交通 firms in 株洲) has in common with a firm.
	 */
	private static String contextWords(FirmProfile p) {
		List<String> names = new ArrayList<>();
		for (IndustryChain chain : p.industryChains()) {
			names.add(Explanations.chainName(chain, Language.ZH));
			names.add(Explanations.chainName(chain, Language.EN));
		}
		names.add(Explanations.cityName(p.city(), Language.ZH));
		names.add(p.district());
		List<String> words = new ArrayList<>();
		names.stream().filter((name) -> name != null).forEach((name) -> {
			words.add(TextAnalysis.recurringChineseWords(name));
		});
		return String.join(" ", words);
	}

	@SuppressWarnings("unchecked")
	private InputStream definition() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
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

	private static boolean alreadyExists(Throwable ex) {
		return ex instanceof ElasticsearchException es && "resource_already_exists_exception".equals(es.error().type());
	}

}
