package cn.cztexchange.matching;

/** What a match proposes: a catalogue entry, or a discoverable firm. */
enum CandidateType {

	ENTRY, FIRM

}
