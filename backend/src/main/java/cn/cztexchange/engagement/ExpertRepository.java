package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;
import cn.cztexchange.platform.Sql;

@Repository
class ExpertRepository {

	private static final String COLUMNS = "id, name_zh, name_en, title_zh, title_en, organisation_id, "
			+ "organisation_name_zh, organisation_name_en, city, fields, industry_chains, services, bio_zh, bio_en, "
			+ "contact_name, contact_phone, contact_email, user_id, active, demo, created_at, updated_at, version";

	/**
	 * The directory's filters; {@code :q} matches names, titles, organisation, biography
	 * and tags, {@code :field} a tag (whatever its case) or an industry chain.
	 */
	private static final String FILTER = " where (active or :includeInactive)"
			+ " and (cast(:q as text) is null or name_zh ilike :q or name_en ilike :q or title_zh ilike :q"
			+ " or title_en ilike :q or organisation_name_zh ilike :q or organisation_name_en ilike :q"
			+ " or bio_zh ilike :q or bio_en ilike :q or exists (select 1 from unnest(fields) f where f ilike :q))"
			+ " and (cast(:field as text) is null or cast(:field as varchar(40)) = any(industry_chains)"
			+ " or exists (select 1 from unnest(fields) f where lower(f) = lower(:field)))"
			+ " and (cast(:city as text) is null or city = :city)"
			+ " and (cast(:service as text) is null or cast(:service as varchar(24)) = any(services))";

	private final DatabaseClient database;

	ExpertRepository(DatabaseClient database) {
		this.database = database;
	}

	/** Inserts the expert; answers whether it was new (an existing id is left alone). */
	Mono<Boolean> insert(Expert expert) {
		return bind(this.database.sql("insert into experts (" + COLUMNS + ") values (:id, :nameZh, :nameEn, :titleZh, "
				+ ":titleEn, :organisationId, :organisationNameZh, :organisationNameEn, :city, :fields, :chains, "
				+ ":services, :bioZh, :bioEn, :contactName, :contactPhone, :contactEmail, :userId, :active, :demo, "
				+ ":createdAt, :updatedAt, :version) on conflict (id) do nothing"), expert)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Writes the expert if nobody changed it since {@code version}; answers whether it
	 * did.
	 */
	Mono<Boolean> update(Expert expert, int version) {
		return bind(this.database.sql("update experts set name_zh = :nameZh, name_en = :nameEn, title_zh = :titleZh, "
				+ "title_en = :titleEn, organisation_id = :organisationId, organisation_name_zh = :organisationNameZh, "
				+ "organisation_name_en = :organisationNameEn, city = :city, fields = :fields, "
				+ "industry_chains = :chains, services = :services, bio_zh = :bioZh, bio_en = :bioEn, "
				+ "contact_name = :contactName, contact_phone = :contactPhone, contact_email = :contactEmail, "
				+ "user_id = :userId, active = :active, demo = :demo, created_at = :createdAt, "
				+ "updated_at = :updatedAt, version = :version where id = :id and version = :expected"), expert)
			.bind("expected", version)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/** Deletes the expert unless engagements refer to it; answers whether it did. */
	Mono<Boolean> deleteUnlessEngaged(UUID id) {
		return this.database
			.sql("delete from experts where id = :id and not exists (select 1 from engagements where expert_id = :id)")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<Expert> findById(UUID id) {
		return this.database.sql("select " + COLUMNS + " from experts where id = :id")
			.bind("id", id)
			.map(ExpertRepository::map)
			.one();
	}

	Flux<Expert> findAllById(Collection<UUID> ids) {
		return this.database.sql("select " + COLUMNS + " from experts where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(ExpertRepository::map)
			.all()
			.as(Sql::whole);
	}

	/**
	 * The experts whose requests the user answers (at most one: see the unique index).
	 */
	Mono<Set<UUID>> answeredBy(UUID userId) {
		return this.database.sql("select id from experts where user_id = :user")
			.bind("user", userId)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	/** The expert the user answers for, other than {@code except}, if any. */
	Mono<UUID> linkedElsewhere(UUID userId, UUID except) {
		return Sql
			.bind(this.database.sql("select id from experts where user_id = :user and (cast(:except as uuid) is null "
					+ "or id <> :except) limit 1"), "except", except, UUID.class)
			.bind("user", userId)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Flux<Expert> search(Search search) {
		return filter("select " + COLUMNS + " from experts" + FILTER
				+ " order by demo, name_zh, id limit :limit offset :offset", search)
			.bind("limit", search.size())
			.bind("offset", (long) search.page() * search.size())
			.map(ExpertRepository::map)
			.all()
			.as(Sql::whole);
	}

	Mono<Long> count(Search search) {
		return filter("select count(*) from experts" + FILTER, search).map((row) -> row.get(0, Long.class)).one();
	}

	private GenericExecuteSpec filter(String sql, Search search) {
		GenericExecuteSpec spec = this.database.sql(sql).bind("includeInactive", search.includeInactive());
		spec = Sql.bind(spec, "q", (search.query() != null) ? Sql.containsPattern(search.query()) : null, String.class);
		spec = Sql.bind(spec, "field", search.field(), String.class);
		spec = Sql.bind(spec, "city", (search.city() != null) ? search.city().name() : null, String.class);
		return Sql.bind(spec, "service", (search.service() != null) ? search.service().name() : null, String.class);
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, Expert e) {
		Contact contact = (e.contact() != null) ? e.contact() : new Contact(null, null, null, null);
		spec = spec.bind("id", e.id())
			.bind("nameZh", e.nameZh())
			.bind("city", e.city().name())
			.bind("fields", e.fields().toArray(String[]::new))
			.bind("chains", e.industryChains().stream().map(Enum::name).toArray(String[]::new))
			.bind("services", e.services().stream().map(Enum::name).sorted().toArray(String[]::new))
			.bind("active", e.active())
			.bind("demo", e.demo())
			.bind("createdAt", e.createdAt())
			.bind("updatedAt", e.updatedAt())
			.bind("version", e.version());
		spec = Sql.bind(spec, "nameEn", e.nameEn(), String.class);
		spec = Sql.bind(spec, "titleZh", e.titleZh(), String.class);
		spec = Sql.bind(spec, "titleEn", e.titleEn(), String.class);
		spec = Sql.bind(spec, "organisationId", e.organisationId(), UUID.class);
		spec = Sql.bind(spec, "organisationNameZh", e.organisationNameZh(), String.class);
		spec = Sql.bind(spec, "organisationNameEn", e.organisationNameEn(), String.class);
		spec = Sql.bind(spec, "bioZh", e.bioZh(), String.class);
		spec = Sql.bind(spec, "bioEn", e.bioEn(), String.class);
		spec = Sql.bind(spec, "contactName", contact.name(), String.class);
		spec = Sql.bind(spec, "contactPhone", contact.phone(), String.class);
		spec = Sql.bind(spec, "contactEmail", contact.email(), String.class);
		return Sql.bind(spec, "userId", e.userId(), UUID.class);
	}

	private static Expert map(Readable row) {
		Set<AdvisoryType> services = EnumSet.noneOf(AdvisoryType.class);
		Arrays.stream(row.get("services", String[].class)).map(AdvisoryType::valueOf).forEach(services::add);
		return new Expert(row.get("id", UUID.class), row.get("name_zh", String.class), row.get("name_en", String.class),
				row.get("title_zh", String.class), row.get("title_en", String.class),
				row.get("organisation_id", UUID.class), row.get("organisation_name_zh", String.class),
				row.get("organisation_name_en", String.class), City.valueOf(row.get("city", String.class)),
				List.of(row.get("fields", String[].class)),
				Arrays.stream(row.get("industry_chains", String[].class)).map(IndustryChain::valueOf).toList(),
				services, row.get("bio_zh", String.class), row.get("bio_en", String.class),
				new Contact(row.get("contact_name", String.class), row.get("contact_phone", String.class),
						row.get("contact_email", String.class), null),
				row.get("user_id", UUID.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
				Boolean.TRUE.equals(row.get("demo", Boolean.class)), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("version", Integer.class));
	}

	/**
	 * What to look for in the directory; null fields do not filter.
	 *
	 * @param query words in names, titles, organisation, biography or tags
	 * @param field a field of expertise (tag) or an industry chain's name
	 * @param city the city
	 * @param service an advisory service offered
	 * @param includeInactive whether to list inactive experts too (admins)
	 * @param page the page, from 0
	 * @param size the page size
	 */
	record Search(String query, String field, City city, AdvisoryType service, boolean includeInactive, int page,
			int size) {
	}

}
