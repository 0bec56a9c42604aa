package cn.cztexchange.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Sql;

/**
 * The stored matches of each subject ({@code match_suggestions}): what the outbox refresh
 * found, and what the subject's side has seen, so that new matches can be told apart.
 */
@Repository
class MatchSuggestions {

	private final DatabaseClient database;

	MatchSuggestions(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores the subject's best matches now: new ones are inserted, known ones get their
	 * new score, and those no longer among the best keep their row without a score (so
	 * that they are not announced again should they come back). Answers the candidates
	 * seen for the first time: of two consumers storing the same match at once, only one
	 * sees it as new.
	 */
	Mono<List<UUID>> store(Direction direction, UUID subject, List<Scored> best, Instant now) {
		Mono<List<UUID>> inserted = best.isEmpty() ? Mono.just(List.of()) : this.database
			.sql("insert into match_suggestions (direction, subject_id, candidate_id, score, first_seen_at, scored_at) "
					+ "select :direction, :subject, c, s, :now, :now from unnest(:candidates::uuid[], "
					+ ":scores::numeric[]) as t(c, s) on conflict (direction, subject_id, candidate_id) do update "
					+ "set score = excluded.score, scored_at = excluded.scored_at "
					+ "returning candidate_id, (xmax = 0) as inserted")
			.bind("direction", direction.name())
			.bind("subject", subject)
			.bind("candidates", best.stream().map(Scored::id).toArray(UUID[]::new))
			.bind("scores", best.stream().map((scored) -> String.valueOf(scored.score())).toArray(String[]::new))
			.bind("now", now)
			.map((row) -> Map.entry(row.get("candidate_id", UUID.class),
					Boolean.TRUE.equals(row.get("inserted", Boolean.class))))
			.all()
			.as(Sql::whole)
			.filter(Map.Entry::getValue)
			.map(Map.Entry::getKey)
			.collectList();
		Mono<Void> dropped = this.database
			.sql("update match_suggestions set score = null, scored_at = :now where direction = :direction "
					+ "and subject_id = :subject and score is not null and candidate_id <> all(:candidates)")
			.bind("direction", direction.name())
			.bind("subject", subject)
			.bind("candidates", best.stream().map(Scored::id).toArray(UUID[]::new))
			.bind("now", now)
			.then();
		return inserted.flatMap((ids) -> dropped.thenReturn(ids));
	}

	/** What the subject's side knows of these candidates, by candidate. */
	Mono<Map<UUID, Seen>> seen(Direction direction, UUID subject, Collection<UUID> candidates) {
		if (candidates.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select candidate_id, first_seen_at, viewed_at from match_suggestions where direction = :direction "
					+ "and subject_id = :subject and candidate_id = any(:candidates)")
			.bind("direction", direction.name())
			.bind("subject", subject)
			.bind("candidates", candidates.toArray(UUID[]::new))
			.map((row) -> new Seen(row.get("candidate_id", UUID.class), row.get("first_seen_at", Instant.class),
					row.get("viewed_at", Instant.class)))
			.all()
			.collectMap(Seen::candidateId);
	}

	/**
	 * Records that the subject's side was shown these matches: their first view, and
	 * their first sighting if the refresh had not stored them.
	 */
	Mono<Void> viewed(Direction direction, UUID subject, List<Scored> shown, Instant now) {
		if (shown.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("insert into match_suggestions (direction, subject_id, candidate_id, score, first_seen_at, scored_at, "
					+ "viewed_at) select :direction, :subject, c, s, :now, :now, :now from unnest(:candidates::uuid[], "
					+ ":scores::numeric[]) as t(c, s) on conflict (direction, subject_id, candidate_id) do update "
					+ "set viewed_at = coalesce(match_suggestions.viewed_at, excluded.viewed_at)")
			.bind("direction", direction.name())
			.bind("subject", subject)
			.bind("candidates", shown.stream().map(Scored::id).toArray(UUID[]::new))
			.bind("scores", shown.stream().map((scored) -> String.valueOf(scored.score())).toArray(String[]::new))
			.bind("now", now)
			.then();
	}

	/**
	 * Forgets every match of or with these ids (entries that left the catalogue).
	 */
	Mono<Void> forget(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		return this.database
			.sql("delete from match_suggestions where candidate_id = any(:ids) or subject_id = any(:ids)")
			.bind("ids", array)
			.then();
	}

	/**
	 * @param candidateId the candidate
	 * @param firstSeenAt when it was first found for the subject
	 * @param viewedAt when the subject's side first saw it; null: not yet
	 */
	record Seen(UUID candidateId, Instant firstSeenAt, Instant viewedAt) {
	}

}
