-- Matchmaking: firm profiles and the matches found for them.

-- One profile per FIRM organisation. The profile is the JSON document its members wrote
-- (content); the columns beside it are copies of what matching filters on in SQL: which firms a
-- newly published financing entry or offering may concern.
create table firm_profiles (
    organisation_id uuid primary key references organisations (id) on delete cascade,
    content         jsonb        not null,
    industry_chains text[]       not null,
    stage           varchar(16)  not null,
    city            varchar(16)  not null,
    discoverable    boolean      not null,
    version         integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    updated_by      uuid references users (id) on delete set null
);

create index firm_profiles_chains_idx on firm_profiles using gin (industry_chains);

-- The best matches found for a subject (a firm, a financing entry, an offering, a technology
-- need) in one direction, so that new ones can be told apart from those seen before. A row stays
-- when its candidate drops out of the best (score null), so that it is not announced again when
-- it comes back; it goes when the candidate leaves the catalogue or the firm its profile.
create table match_suggestions (
    direction     varchar(20)  not null check (direction in ('FINANCING', 'OFFERINGS', 'FIRMS', 'NEEDS',
                                                             'NEED_OFFERINGS')),
    subject_id    uuid         not null,
    candidate_id  uuid         not null,
    -- 0 to 100 when last computed; null when the candidate is no longer among the best.
    score         numeric(4, 1),
    first_seen_at timestamptz  not null,
    scored_at     timestamptz  not null,
    -- When the subject's side first listed it; null: nobody has seen it yet.
    viewed_at     timestamptz,
    -- The subject first: its matches are read, stored and forgotten together.
    primary key (subject_id, direction, candidate_id)
);

create index match_suggestions_candidate_idx on match_suggestions (candidate_id);
