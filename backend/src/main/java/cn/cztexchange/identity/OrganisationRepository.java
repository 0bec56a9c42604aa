package cn.cztexchange.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Sql;

@Repository
class OrganisationRepository {

	private static final String COLUMNS = "o.id, o.type, o.name_zh, o.name_en, o.cities, o.district, o.credit_code, o.website, "
			+ "o.contact_name, o.contact_phone, o.contact_email, o.contact_address, o.verification_status, "
			+ "o.rejection_reason, o.verified_at, o.created_at, o.updated_at";

	private static final String FILTER = " where (cast(:status as text) is null or o.verification_status = :status)"
			+ " and (cast(:type as text) is null or o.type = :type)"
			+ " and (cast(:city as text) is null or cast(:city as varchar(16)) = any(o.cities))"
			+ " and (cast(:q as text) is null or o.name_zh ilike :q or o.name_en ilike :q or o.district ilike :q)";

	private final DatabaseClient database;

	OrganisationRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Organisation> insert(Organisation organisation) {
		return bindAll(this.database.sql("insert into organisations (id, type, name_zh, name_en, cities, district, "
				+ "credit_code, website, contact_name, contact_phone, contact_email, contact_address, "
				+ "verification_status, rejection_reason, verified_at, created_at, updated_at) values (:id, :type, "
				+ ":nameZh, :nameEn, :cities, :district, :creditCode, :website, :contactName, :contactPhone, "
				+ ":contactEmail, :contactAddress, :status, :reason, :verifiedAt, :createdAt, :updatedAt)"),
				organisation)
			.then()
			.thenReturn(organisation);
	}

	Mono<Organisation> update(Organisation organisation) {
		return bindAll(this.database.sql("update organisations set type = :type, name_zh = :nameZh, name_en = :nameEn, "
				+ "cities = :cities, district = :district, credit_code = :creditCode, website = :website, "
				+ "contact_name = :contactName, contact_phone = :contactPhone, contact_email = :contactEmail, "
				+ "contact_address = :contactAddress, verification_status = :status, rejection_reason = :reason, "
				+ "verified_at = :verifiedAt, created_at = :createdAt, updated_at = :updatedAt where id = :id"),
				organisation)
			.then()
			.thenReturn(organisation);
	}

	Flux<Organisation> findAllById(UUID[] ids) {
		return this.database.sql("select " + COLUMNS + " from organisations o where o.id = any(:ids)")
			.bind("ids", ids)
			.map(OrganisationRepository::map)
			.all();
	}

	Mono<Organisation> findById(UUID id) {
		return this.database.sql("select " + COLUMNS + " from organisations o where o.id = :id")
			.bind("id", id)
			.map(OrganisationRepository::map)
			.one();
	}

	/**
	 * Reads and locks the organisation, so that membership changes to it happen one at a
	 * time.
	 */
	Mono<Organisation> lock(UUID id) {
		return this.database.sql("select " + COLUMNS + " from organisations o where o.id = :id for update")
			.bind("id", id)
			.map(OrganisationRepository::map)
			.one();
	}

	Mono<Boolean> creditCodeTaken(String creditCode, UUID except) {
		return this.database.sql("select exists (select 1 from organisations where credit_code = :code and id <> :id)")
			.bind("code", creditCode)
			.bind("id", except)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	Flux<Organisation> search(OrganisationSearch search) {
		return filter(this.database.sql("select " + COLUMNS + " from organisations o" + FILTER
				+ " order by o.name_zh limit :limit offset :offset"), search)
			.bind("limit", search.size())
			.bind("offset", (long) search.page() * search.size())
			.map(OrganisationRepository::map)
			.all();
	}

	Mono<Long> count(OrganisationSearch search) {
		return filter(this.database.sql("select count(*) from organisations o" + FILTER), search)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	Mono<Membership> findMembership(UUID organisationId, UUID userId) {
		return this.database.sql(
				"select organisation_id, user_id, role, joined_at from memberships where organisation_id = :org and user_id = :user")
			.bind("org", organisationId)
			.bind("user", userId)
			.map(OrganisationRepository::mapMembership)
			.one();
	}

	Flux<Member> members(UUID organisationId) {
		return this.database.sql("select m.user_id, u.email, u.display_name, m.role, m.joined_at from memberships m "
				+ "join users u on u.id = m.user_id where m.organisation_id = :org order by m.role desc, u.display_name")
			.bind("org", organisationId)
			.map((row) -> new Member(row.get("user_id", UUID.class), row.get("email", String.class),
					row.get("display_name", String.class), MembershipRole.valueOf(row.get("role", String.class)),
					row.get("joined_at", Instant.class)))
			.all();
	}

	/** (organisation id, user id) of every member of these organisations. */
	Flux<UUID[]> memberIds(UUID[] organisationIds) {
		return this.database.sql("select organisation_id, user_id from memberships where organisation_id = any(:orgs)")
			.bind("orgs", organisationIds)
			.map((row) -> new UUID[] { row.get(0, UUID.class), row.get(1, UUID.class) })
			.all();
	}

	Flux<MyMembership> membershipsOf(UUID userId) {
		return this.database
			.sql("select o.id, o.name_zh, o.name_en, o.type, o.verification_status, m.role "
					+ "from memberships m join organisations o on o.id = m.organisation_id where m.user_id = :user "
					+ "order by o.name_zh")
			.bind("user", userId)
			.map((row) -> new MyMembership(row.get("id", UUID.class), row.get("name_zh", String.class),
					row.get("name_en", String.class), OrganisationType.valueOf(row.get("type", String.class)),
					VerificationStatus.valueOf(row.get("verification_status", String.class)),
					MembershipRole.valueOf(row.get("role", String.class))))
			.all();
	}

	Mono<Long> countManagers(UUID organisationId) {
		return this.database.sql("select count(*) from memberships where organisation_id = :org and role = 'MANAGER'")
			.bind("org", organisationId)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** Adds the membership unless the user already is a member; tells which happened. */
	Mono<Boolean> insertMembership(Membership membership) {
		return this.database
			.sql("insert into memberships (organisation_id, user_id, role, joined_at) "
					+ "values (:org, :user, :role, :joined) on conflict do nothing")
			.bind("org", membership.organisationId())
			.bind("user", membership.userId())
			.bind("role", membership.role().name())
			.bind("joined", membership.joinedAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<Void> updateMembershipRole(UUID organisationId, UUID userId, MembershipRole role) {
		return this.database.sql("update memberships set role = :role where organisation_id = :org and user_id = :user")
			.bind("org", organisationId)
			.bind("user", userId)
			.bind("role", role.name())
			.then();
	}

	Mono<Void> deleteMembership(UUID organisationId, UUID userId) {
		return this.database.sql("delete from memberships where organisation_id = :org and user_id = :user")
			.bind("org", organisationId)
			.bind("user", userId)
			.then();
	}

	private static GenericExecuteSpec filter(GenericExecuteSpec spec, OrganisationSearch search) {
		spec = Sql.bind(spec, "status", (search.status() != null) ? search.status().name() : null, String.class);
		spec = Sql.bind(spec, "type", (search.type() != null) ? search.type().name() : null, String.class);
		spec = Sql.bind(spec, "city", (search.city() != null) ? search.city().name() : null, String.class);
		return Sql.bind(spec, "q",
				(search.query() == null || search.query().isBlank()) ? null : Sql.containsPattern(search.query()),
				String.class);
	}

	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Organisation o) {
		Organisation.Contact contact = (o.contact() != null) ? o.contact()
				: new Organisation.Contact(null, null, null, null);
		spec = spec.bind("id", o.id())
			.bind("type", o.type().name())
			.bind("nameZh", o.nameZh())
			.bind("nameEn", o.nameEn())
			.bind("cities", o.cities().stream().map(City::name).toArray(String[]::new))
			.bind("status", o.verificationStatus().name())
			.bind("createdAt", o.createdAt())
			.bind("updatedAt", o.updatedAt());
		spec = Sql.bind(spec, "district", o.district(), String.class);
		spec = Sql.bind(spec, "creditCode", o.creditCode(), String.class);
		spec = Sql.bind(spec, "website", o.website(), String.class);
		spec = Sql.bind(spec, "contactName", contact.name(), String.class);
		spec = Sql.bind(spec, "contactPhone", contact.phone(), String.class);
		spec = Sql.bind(spec, "contactEmail", contact.email(), String.class);
		spec = Sql.bind(spec, "contactAddress", contact.address(), String.class);
		spec = Sql.bind(spec, "reason", o.rejectionReason(), String.class);
		return Sql.bind(spec, "verifiedAt", o.verifiedAt(), Instant.class);
	}

	private static Organisation map(Readable row) {
		List<City> cities = Arrays.stream(row.get("cities", String[].class)).map(City::valueOf).toList();
		return new Organisation(row.get("id", UUID.class), OrganisationType.valueOf(row.get("type", String.class)),
				row.get("name_zh", String.class), row.get("name_en", String.class), cities,
				row.get("district", String.class), row.get("credit_code", String.class),
				row.get("website", String.class),
				new Organisation.Contact(row.get("contact_name", String.class), row.get("contact_phone", String.class),
						row.get("contact_email", String.class), row.get("contact_address", String.class)),
				VerificationStatus.valueOf(row.get("verification_status", String.class)),
				row.get("rejection_reason", String.class), row.get("verified_at", Instant.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

	private static Membership mapMembership(Readable row) {
		return new Membership(row.get("organisation_id", UUID.class), row.get("user_id", UUID.class),
				MembershipRole.valueOf(row.get("role", String.class)), row.get("joined_at", Instant.class));
	}

	/** What to look for; null fields do not filter. */
	record OrganisationSearch(VerificationStatus status, OrganisationType type, City city, String query, int page,
			int size) {
	}

	/**
	 * A member as the organisation's managers see them.
	 *
	 * @param userId the user
	 * @param email their email address
	 * @param displayName their name
	 * @param role their role in the organisation
	 * @param joinedAt when they joined
	 */
	record Member(UUID userId, String email, String displayName, MembershipRole role, Instant joinedAt) {
	}

	/**
	 * One of the signed-in user's memberships.
	 *
	 * @param organisationId the organisation
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 * @param type its type
	 * @param verificationStatus whether it is verified
	 * @param role the user's role in it
	 */
	record MyMembership(UUID organisationId, String nameZh, String nameEn, OrganisationType type,
			VerificationStatus verificationStatus, MembershipRole role) {
	}

}
