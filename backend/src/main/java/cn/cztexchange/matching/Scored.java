package cn.cztexchange.matching;

import java.util.List;
import java.util.UUID;

/**
 * A candidate the engine ranked for a subject, with everything checked about it.
 *
 * @param id the candidate: an entry's or a firm's (organisation's) id
 * @param type what it is
 * @param score 0 to 100
 * @param criteria the hard criteria it met and the soft ones that scored it
 * @param entry the entry as indexed, for an entry; null for a firm
 */
record Scored(UUID id, CandidateType type, double score, List<Criterion> criteria, EntryHit entry) {
}
