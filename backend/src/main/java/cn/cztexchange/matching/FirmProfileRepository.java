package cn.cztexchange.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.platform.Sql;

/** Firm profiles in {@code firm_profiles}. */
@Repository
class FirmProfileRepository {

	private final DatabaseClient database;

	private final JsonMapper json;

	FirmProfileRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<StoredProfile> find(UUID organisationId) {
		return this.database
			.sql("select organisation_id, content::text as content, version, created_at, updated_at "
					+ "from firm_profiles where organisation_id = :id")
			.bind("id", organisationId)
			.map(this::read)
			.one();
	}

	/**
	 * The profiles of these firms, in no particular order; those without are left out.
	 */
	Flux<StoredProfile> findAll(Collection<UUID> organisationIds) {
		if (organisationIds.isEmpty()) {
			return Flux.empty();
		}
		return this.database
			.sql("select organisation_id, content::text as content, version, created_at, updated_at "
					+ "from firm_profiles where organisation_id = any(:ids)")
			.bind("ids", organisationIds.toArray(UUID[]::new))
			.map(this::read)
			.all()
			.as(Sql::whole);
	}

	/**
	 * Inserts the first profile of a firm; tells whether it did (false: one exists).
	 * {@code by} is null for demo data.
	 */
	Mono<Boolean> insert(UUID organisationId, FirmProfile profile, UUID by, Instant now) {
		DatabaseClient.GenericExecuteSpec spec = this.database
			.sql("insert into firm_profiles (organisation_id, content, industry_chains, stage, city, discoverable, "
					+ "version, created_at, updated_at, updated_by) values (:id, :content, :chains, :stage, :city, "
					+ ":discoverable, 1, :now, :now, :by) on conflict (organisation_id) do nothing")
			.bind("id", organisationId)
			.bind("content", Json.of(this.json.writeValueAsString(profile)))
			.bind("chains", chains(profile.industryChains()))
			.bind("stage", profile.stage().name())
			.bind("city", profile.city().name())
			.bind("discoverable", profile.discoverable())
			.bind("now", now);
		return Sql.bind(spec, "by", by, UUID.class).fetch().rowsUpdated().map((rows) -> rows == 1);
	}

	/**
	 * Replaces the profile if it is still at {@code expectedVersion}; tells whether it
	 * did.
	 */
	Mono<Boolean> update(UUID organisationId, FirmProfile profile, int expectedVersion, UUID by, Instant now) {
		return this.database
			.sql("update firm_profiles set content = :content, industry_chains = :chains, stage = :stage, "
					+ "city = :city, discoverable = :discoverable, version = version + 1, updated_at = :now, "
					+ "updated_by = :by where organisation_id = :id and version = :expected")
			.bind("id", organisationId)
			.bind("content", Json.of(this.json.writeValueAsString(profile)))
			.bind("chains", chains(profile.industryChains()))
			.bind("stage", profile.stage().name())
			.bind("city", profile.city().name())
			.bind("discoverable", profile.discoverable())
			.bind("now", now)
			.bind("by", by)
			.bind("expected", expectedVersion)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * The firms that share an industry chain with a changed entry, and are at one of the
	 * stages it serves (any, when {@code stages} is null): those whose matches it may
	 * change.
	 */
	Flux<UUID> sharingChains(Collection<IndustryChain> chains, Set<Stage> stages) {
		if (chains.isEmpty()) {
			return Flux.empty();
		}
		String stageFilter = (stages != null) ? " and stage = any(:stages)" : "";
		DatabaseClient.GenericExecuteSpec spec = this.database
			.sql("select organisation_id from firm_profiles where industry_chains && :chains" + stageFilter)
			.bind("chains", chains(chains));
		if (stages != null) {
			spec = spec.bind("stages", stages.stream().map(Enum::name).toArray(String[]::new));
		}
		return spec.map((row) -> row.get("organisation_id", UUID.class)).all().as(Sql::whole);
	}

	/** Every firm with a profile, for rebuilding the firms index. */
	Flux<UUID> allIds() {
		return this.database.sql("select organisation_id from firm_profiles order by organisation_id")
			.map((row) -> row.get("organisation_id", UUID.class))
			.all()
			.as(Sql::whole);
	}

	private static String[] chains(Collection<IndustryChain> chains) {
		return chains.stream().map(Enum::name).distinct().toArray(String[]::new);
	}

	private StoredProfile read(Readable row) {
		return new StoredProfile(row.get("organisation_id", UUID.class),
				this.json.readValue(row.get("content", String.class), FirmProfile.class),
				row.get("version", Integer.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

}
