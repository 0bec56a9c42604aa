package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.Page;
import cn.cztexchange.platform.Sql;

/**
 * The audit log in PostgreSQL. Called inside the transaction of the change it records, so
 * the change and its record are written together or not at all.
 */
@Service
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(DatabaseClient database, JsonMapper json, Clock clock) {
		this.database = database;
		this.json = json;
		this.clock = clock;
	}

	public Mono<Void> record(AuditEventType type, UUID actorId, String actorEmail, String subjectType, Object subjectId,
			String clientAddress, Map<String, ?> details) {
		var spec = this.database.sql("insert into audit_events (id, occurred_at, type, actor_id, actor_email, "
				+ "subject_type, subject_id, client_address, details) values (:id, :at, :type, :actorId, :actorEmail, "
				+ ":subjectType, :subjectId, :address, :details)")
			.bind("id", Ids.newId(this.clock))
			.bind("at", this.clock.instant())
			.bind("type", type.name())
			.bind("details", Json.of(this.json.writeValueAsString(details)));
		spec = Sql.bind(spec, "actorId", actorId, UUID.class);
		spec = Sql.bind(spec, "actorEmail", actorEmail, String.class);
		spec = Sql.bind(spec, "subjectType", subjectType, String.class);
		spec = Sql.bind(spec, "subjectId", (subjectId != null) ? subjectId.toString() : null, String.class);
		spec = Sql.bind(spec, "address", clientAddress, String.class);
		return spec.then();
	}

	Mono<Page<AuditEvent>> page(AuditEventType type, int page, int size) {
		String typeName = (type != null) ? type.name() : null;
		Flux<AuditEvent> items = Sql
			.bind(this.database.sql("select * from audit_events where (cast(:type as text) is null "
					+ "or type = :type) order by occurred_at desc, id desc limit :limit offset :offset"), "type",
					typeName, String.class)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map((row) -> new AuditEvent(row.get("id", UUID.class), row.get("occurred_at", Instant.class),
					AuditEventType.valueOf(row.get("type", String.class)), row.get("actor_id", UUID.class),
					row.get("actor_email", String.class), row.get("subject_type", String.class),
					row.get("subject_id", String.class), row.get("client_address", String.class),
					this.json.readValue(row.get("details", Json.class).asString(), DETAILS)))
			.all();
		Mono<Long> total = Sql
			.bind(this.database
				.sql("select count(*) from audit_events where (cast(:type as text) is null " + "or type = :type)"),
					"type", typeName, String.class)
			.map((row) -> row.get(0, Long.class))
			.one();
		return Mono.zip(items.collectList(), total).map((t) -> new Page<>(t.getT1(), page, size, t.getT2()));
	}

}
