package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.engagement.Engagement.Deal;
import cn.cztexchange.engagement.Engagement.Meeting;
import cn.cztexchange.engagement.Engagement.MeetingMode;
import cn.cztexchange.platform.Sql;

@Repository
class EngagementRepository {

	/** The active states, as SQL: {@code ('INTERESTED', 'ACCEPTED', …)}. */
	private static final String ACTIVE_SQL = EngagementStatus.ACTIVE.stream()
		.map((status) -> "'" + status.name() + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	private final DatabaseClient database;

	private final JsonMapper json;

	EngagementRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Void> insert(Engagement e) {
		GenericExecuteSpec spec = this.database.sql("insert into engagements (id, kind, service, firm_organisation_id, "
				+ "counterpart_organisation_id, expert_id, subject_id, subject_kind, subject_title_zh, subject_title_en, "
				+ "initiator_side, initiated_by, status, created_at, updated_at, last_activity_at, version) values "
				+ "(:id, :kind, :service, :firm, :counterpart, :expert, :subject, :subjectKind, :titleZh, :titleEn, "
				+ ":initiator, :initiatedBy, :status, :createdAt, :createdAt, :createdAt, :version)")
			.bind("id", e.id())
			.bind("kind", e.kind().name())
			.bind("firm", e.firmId())
			.bind("subject", e.subjectId())
			.bind("titleZh", e.subjectTitleZh())
			.bind("initiator", e.initiator().name())
			.bind("initiatedBy", e.initiatedBy())
			.bind("status", e.status().name())
			.bind("createdAt", e.createdAt())
			.bind("version", e.version());
		spec = Sql.bind(spec, "service", (e.service() != null) ? e.service().name() : null, String.class);
		spec = Sql.bind(spec, "counterpart", e.counterpartOrganisationId(), UUID.class);
		spec = Sql.bind(spec, "expert", e.expertId(), UUID.class);
		spec = Sql.bind(spec, "subjectKind", (e.subjectKind() != null) ? e.subjectKind().name() : null, String.class);
		return Sql.bind(spec, "titleEn", e.subjectTitleEn(), String.class).then();
	}

	Mono<Engagement> findById(UUID id) {
		return this.database.sql("select * from engagements where id = :id").bind("id", id).map(this::map).one();
	}

	/** The engagement, its row locked until the transaction ends. */
	Mono<Engagement> lock(UUID id) {
		return this.database.sql("select * from engagements where id = :id for update")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/**
	 * Writes a step's change if nobody changed the engagement since {@code version} was
	 * read; answers whether it did.
	 */
	Mono<Boolean> update(Engagement e, int version) {
		Meeting meeting = e.meeting();
		Deal deal = e.deal();
		GenericExecuteSpec spec = this.database.sql("update engagements set status = :status, reason = :reason, "
				+ "meeting_starts_at = :meetingStartsAt, meeting_mode = :meetingMode, meeting_place = :meetingPlace, "
				+ "meeting_note = :meetingNote, meeting_proposed_by = :meetingProposedBy, deal_type = :dealType, "
				+ "deal_amount_fen = :dealAmount, deal_note = :dealNote, accepted_at = :acceptedAt, "
				+ "ended_at = :endedAt, updated_at = :updatedAt, last_activity_at = :updatedAt, version = :version "
				+ "where id = :id and version = :expected")
			.bind("id", e.id())
			.bind("status", e.status().name())
			.bind("updatedAt", e.updatedAt())
			.bind("version", e.version())
			.bind("expected", version);
		spec = Sql.bind(spec, "reason", e.reason(), String.class);
		spec = Sql.bind(spec, "meetingStartsAt", (meeting != null) ? meeting.startsAt() : null, Instant.class);
		spec = Sql.bind(spec, "meetingMode", (meeting != null) ? meeting.mode().name() : null, String.class);
		spec = Sql.bind(spec, "meetingPlace", (meeting != null) ? meeting.place() : null, String.class);
		spec = Sql.bind(spec, "meetingNote", (meeting != null) ? meeting.note() : null, String.class);
		spec = Sql.bind(spec, "meetingProposedBy", (meeting != null) ? meeting.proposedBy().name() : null,
				String.class);
		spec = Sql.bind(spec, "dealType", (deal != null) ? deal.type().name() : null, String.class);
		spec = Sql.bind(spec, "dealAmount", (deal != null) ? deal.amountFen() : null, Long.class);
		spec = Sql.bind(spec, "dealNote", (deal != null) ? deal.note() : null, String.class);
		spec = Sql.bind(spec, "acceptedAt", e.acceptedAt(), Instant.class);
		spec = Sql.bind(spec, "endedAt", e.endedAt(), Instant.class);
		return spec.fetch().rowsUpdated().map((rows) -> rows == 1);
	}

	/** A message moves the engagement up in "most recent first" lists. */
	Mono<Void> touch(UUID id, Instant at) {
		return this.database.sql("update engagements set last_activity_at = :at where id = :id")
			.bind("id", id)
			.bind("at", at)
			.then();
	}

	/**
	 * The active engagement between the firm and the counterpart (an organisation or an
	 * expert) about the subject (and service), if there is one.
	 */
	Mono<UUID> findActive(UUID firmId, UUID counterpartOrganisationId, UUID expertId, UUID subjectId,
			AdvisoryType service) {
		GenericExecuteSpec spec = this.database
			.sql("select id from engagements where firm_organisation_id = :firm "
					+ "and coalesce(counterpart_organisation_id, expert_id) = :counterpart and subject_id = :subject "
					+ "and coalesce(service, '') = :service and status in " + ACTIVE_SQL + " limit 1")
			.bind("firm", firmId)
			.bind("counterpart", (counterpartOrganisationId != null) ? counterpartOrganisationId : expertId)
			.bind("subject", subjectId)
			.bind("service", (service != null) ? service.name() : "");
		return spec.map((row) -> row.get("id", UUID.class)).one();
	}

	/**
	 * Engagements of these organisations (either side) and experts, or (all) every
	 * engagement; most recent activity first.
	 */
	Flux<Engagement> find(Filter filter, int page, int size) {
		return where("select * from engagements", filter,
				" order by last_activity_at desc, id desc limit :limit offset :offset")
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	Mono<Long> count(Filter filter) {
		return where("select count(*) from engagements", filter, "").map((row) -> row.get(0, Long.class)).one();
	}

	private GenericExecuteSpec where(String select, Filter filter, String tail) {
		String firmSide = "firm_organisation_id = any(:orgs)";
		String otherSide = "(counterpart_organisation_id = any(:orgs) or expert_id = any(:experts))";
		String whose = filter.all() ? "true" : (filter.side() == Side.FIRM) ? firmSide
				: (filter.side() == Side.COUNTERPART) ? otherSide : "(" + firmSide + " or " + otherSide + ")";
		GenericExecuteSpec spec = this.database.sql(select + " where " + whose
				+ " and (cardinality(cast(:statuses as text[])) = 0 or status = any(:statuses))"
				+ " and (cast(:kind as text) is null or kind = :kind)" + tail);
		if (!filter.all()) {
			spec = spec.bind("orgs", filter.organisations().toArray(UUID[]::new));
			if (filter.side() != Side.FIRM) {
				spec = spec.bind("experts", filter.experts().toArray(UUID[]::new));
			}
		}
		spec = spec.bind("statuses", (filter.statuses() != null)
				? filter.statuses().stream().map(Enum::name).toArray(String[]::new) : new String[0]);
		return Sql.bind(spec, "kind", (filter.kind() != null) ? filter.kind().name() : null, String.class);
	}

	/** One step in the engagement's history (全程留痕). */
	Mono<Void> recordEvent(UUID id, UUID engagementId, Instant at, UUID actorId, Side side, EngagementStatus from,
			EngagementStatus to, String note, Map<String, ?> details) {
		GenericExecuteSpec spec = this.database
			.sql("insert into engagement_events (id, engagement_id, at, actor_id, actor_side, from_status, to_status, "
					+ "note, details) values (:id, :engagement, :at, :actor, :side, :from, :to, :note, :details)")
			.bind("id", id)
			.bind("engagement", engagementId)
			.bind("at", at)
			.bind("actor", actorId)
			.bind("side", side.name())
			.bind("to", to.name());
		spec = Sql.bind(spec, "from", (from != null) ? from.name() : null, String.class);
		spec = Sql.bind(spec, "note", note, String.class);
		return Sql
			.bind(spec, "details",
					(details != null && !details.isEmpty()) ? Json.of(this.json.writeValueAsString(details)) : null,
					Json.class)
			.then();
	}

	Flux<EngagementEvent> events(UUID engagementId) {
		return this.database.sql("select * from engagement_events where engagement_id = :engagement order by at, id")
			.bind("engagement", engagementId)
			.map((row) -> {
				String from = row.get("from_status", String.class);
				Json details = row.get("details", Json.class);
				return new EngagementEvent(row.get("id", UUID.class), row.get("at", Instant.class),
						row.get("actor_id", UUID.class), Side.valueOf(row.get("actor_side", String.class)),
						(from != null) ? EngagementStatus.valueOf(from) : null,
						EngagementStatus.valueOf(row.get("to_status", String.class)), row.get("note", String.class),
						(details != null) ? this.json.readValue(details.asString(), DETAILS) : null);
			})
			.all()
			.as(Sql::whole);
	}

	Mono<Void> insertMessage(EngagementMessage message) {
		return this.database
			.sql("insert into engagement_messages (id, engagement_id, author_id, author_side, body, created_at) "
					+ "values (:id, :engagement, :author, :side, :body, :createdAt)")
			.bind("id", message.id())
			.bind("engagement", message.engagementId())
			.bind("author", message.authorId())
			.bind("side", message.authorSide().name())
			.bind("body", message.body())
			.bind("createdAt", message.createdAt())
			.then();
	}

	/** A page of the thread, oldest first. */
	Flux<EngagementMessage> messages(UUID engagementId, int page, int size) {
		return this.database
			.sql("select * from engagement_messages where engagement_id = :engagement order by created_at, id "
					+ "limit :limit offset :offset")
			.bind("engagement", engagementId)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map((row) -> new EngagementMessage(row.get("id", UUID.class), row.get("engagement_id", UUID.class),
					row.get("author_id", UUID.class), Side.valueOf(row.get("author_side", String.class)),
					row.get("body", String.class), row.get("created_at", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	Mono<Long> countMessages(UUID engagementId) {
		return this.database.sql("select count(*) from engagement_messages where engagement_id = :engagement")
			.bind("engagement", engagementId)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private Engagement map(Readable row) {
		String service = row.get("service", String.class);
		String subjectKind = row.get("subject_kind", String.class);
		Instant meetingAt = row.get("meeting_starts_at", Instant.class);
		String dealType = row.get("deal_type", String.class);
		Meeting meeting = (meetingAt != null) ? new Meeting(meetingAt,
				MeetingMode.valueOf(row.get("meeting_mode", String.class)), row.get("meeting_place", String.class),
				row.get("meeting_note", String.class), Side.valueOf(row.get("meeting_proposed_by", String.class)))
				: null;
		Deal deal = (dealType != null) ? new Deal(DealType.valueOf(dealType), row.get("deal_amount_fen", Long.class),
				row.get("deal_note", String.class)) : null;
		return new Engagement(row.get("id", UUID.class), EngagementKind.valueOf(row.get("kind", String.class)),
				(service != null) ? AdvisoryType.valueOf(service) : null, row.get("firm_organisation_id", UUID.class),
				row.get("counterpart_organisation_id", UUID.class), row.get("expert_id", UUID.class),
				row.get("subject_id", UUID.class), (subjectKind != null) ? ResourceKind.valueOf(subjectKind) : null,
				row.get("subject_title_zh", String.class), row.get("subject_title_en", String.class),
				Side.valueOf(row.get("initiator_side", String.class)), row.get("initiated_by", UUID.class),
				EngagementStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class), meeting,
				deal, row.get("accepted_at", Instant.class), row.get("ended_at", Instant.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("last_activity_at", Instant.class), row.get("version", Integer.class));
	}

	/**
	 * Whose engagements to list.
	 *
	 * @param all every engagement (admins' moderation list); the next two are then unused
	 * @param organisations the caller's organisations
	 * @param experts the experts whose requests the caller answers
	 * @param side only the engagements where the caller is on this side, or null
	 * @param statuses only these states, or null/empty for all
	 * @param kind only this kind, or null
	 */
	record Filter(boolean all, Collection<UUID> organisations, Collection<UUID> experts, Side side,
			List<EngagementStatus> statuses, EngagementKind kind) {
	}

}
