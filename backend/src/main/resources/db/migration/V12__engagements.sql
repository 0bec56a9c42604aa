-- Engagements: a match followed from an expression of interest to a deal, with its message
-- thread and its audit trail (全程留痕), and the expert directory for advisory requests.
-- Catalogue entries are referred to by id only (this feature reads them through the
-- catalogue's service); organisations and users by foreign key, like bookings do.

-- Experts who take advisory requests (成果评估, 投资咨询, 市场调研). The contact is private
-- until an engagement with the expert is accepted; the linked user answers the requests.
create table experts (
    id                   uuid primary key,
    name_zh              varchar(100)  not null,
    name_en              varchar(100),
    title_zh             varchar(100),
    title_en             varchar(100),
    -- The organisation the expert works for: a platform organisation, or only its name.
    organisation_id      uuid references organisations (id),
    organisation_name_zh varchar(200),
    organisation_name_en varchar(200),
    city                 varchar(16)   not null check (city in ('CHANGSHA', 'ZHUZHOU', 'XIANGTAN')),
    -- Fields of expertise as free tags, and the industry chains (catalogue's IndustryChain).
    fields               varchar(30)[] not null,
    industry_chains      varchar(40)[] not null,
    services             varchar(24)[] not null check (cardinality(services) >= 1 and services
                             <@ array['RESULT_EVALUATION', 'INVESTMENT_ADVICE', 'MARKET_RESEARCH']::varchar(24)[]),
    bio_zh               varchar(4000),
    bio_en               varchar(4000),
    contact_name         varchar(100),
    contact_phone        varchar(40),
    contact_email        varchar(254),
    user_id              uuid references users (id),
    active               boolean       not null,
    demo                 boolean       not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              integer       not null
);

-- One expert profile per user.
create unique index experts_user_idx on experts (user_id) where user_id is not null;
create index experts_directory_idx on experts (active, name_zh);

create table engagements (
    id                          uuid primary key,
    kind                        varchar(16)  not null check (kind in ('FINANCING', 'TECHNOLOGY', 'ADVISORY')),
    -- What an advisory request asks for; only advisory requests have one.
    service                     varchar(24) check (service in ('RESULT_EVALUATION', 'INVESTMENT_ADVICE', 'MARKET_RESEARCH')),
    firm_organisation_id        uuid         not null references organisations (id),
    -- The other side: an organisation, or an expert.
    counterpart_organisation_id uuid references organisations (id),
    expert_id                   uuid references experts (id),
    -- A catalogue entry's id, or the expert's. The entry's kind is stored without a check
    -- constraint: the catalogue owns the list of kinds.
    subject_id                  uuid         not null,
    subject_kind                varchar(16),
    -- The subject's titles when the engagement began: it stays readable if the entry goes.
    subject_title_zh            varchar(200) not null,
    subject_title_en            varchar(200),
    initiator_side              varchar(12)  not null check (initiator_side in ('FIRM', 'COUNTERPART')),
    initiated_by                uuid         not null references users (id),
    status                      varchar(20)  not null check (status in ('INTERESTED', 'ACCEPTED', 'DECLINED',
                                    'WITHDRAWN', 'MEETING_PROPOSED', 'MEETING_HELD', 'NEGOTIATING', 'CLOSED', 'DROPPED')),
    -- Why it was declined, withdrawn or dropped.
    reason                      varchar(1000),
    meeting_starts_at           timestamptz,
    meeting_mode                varchar(12) check (meeting_mode in ('IN_PERSON', 'ONLINE')),
    meeting_place               varchar(300),
    meeting_note                varchar(1000),
    meeting_proposed_by         varchar(12) check (meeting_proposed_by in ('FIRM', 'COUNTERPART')),
    deal_type                   varchar(20) check (deal_type in ('EQUITY', 'LOAN', 'GUARANTEE', 'GRANT', 'LICENCE',
                                    'TRANSFER', 'JOINT_DEVELOPMENT', 'SERVICE_CONTRACT')),
    deal_amount_fen             bigint check (deal_amount_fen >= 0),
    deal_note                   varchar(1000),
    -- Contact details of both sides are shown from the acceptance on, never before.
    accepted_at                 timestamptz,
    -- When it reached an end: declined, withdrawn, closed or dropped.
    ended_at                    timestamptz,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    -- The latest step or message, for "most recent first" lists.
    last_activity_at            timestamptz  not null,
    version                     integer      not null,
    check ((counterpart_organisation_id is null) <> (expert_id is null)),
    check (counterpart_organisation_id is distinct from firm_organisation_id),
    check ((kind = 'ADVISORY') = (service is not null)),
    check (status <> 'CLOSED' or (deal_type is not null and deal_amount_fen is not null))
);

-- One active engagement per firm, counterpart, subject (and service): a second one is
-- refused, whatever the number of replicas; a finished one does not stand in the way.
create unique index engagements_one_active_idx on engagements (firm_organisation_id,
    coalesce(counterpart_organisation_id, expert_id), subject_id, coalesce(service, ''))
    where status in ('INTERESTED', 'ACCEPTED', 'MEETING_PROPOSED', 'MEETING_HELD', 'NEGOTIATING');
create index engagements_firm_idx on engagements (firm_organisation_id, last_activity_at desc);
create index engagements_counterpart_idx on engagements (counterpart_organisation_id, last_activity_at desc)
    where counterpart_organisation_id is not null;
create index engagements_expert_idx on engagements (expert_id, last_activity_at desc) where expert_id is not null;

-- Every step of every engagement (全程留痕): who, for which side, from which state to which,
-- with their note and what the step set (a meeting's time and place, a deal's terms).
create table engagement_events (
    id            uuid primary key,
    engagement_id uuid          not null references engagements (id),
    at            timestamptz   not null,
    actor_id      uuid          not null references users (id),
    actor_side    varchar(12)   not null check (actor_side in ('FIRM', 'COUNTERPART')),
    from_status   varchar(20),
    to_status     varchar(20)   not null,
    note          varchar(4000),
    details       jsonb
);

create index engagement_events_engagement_idx on engagement_events (engagement_id, at);

-- The thread between the two sides; messages are never edited or deleted.
create table engagement_messages (
    id            uuid primary key,
    engagement_id uuid          not null references engagements (id),
    author_id     uuid          not null references users (id),
    author_side   varchar(12)   not null check (author_side in ('FIRM', 'COUNTERPART')),
    body          varchar(4000) not null,
    created_at    timestamptz   not null
);

create index engagement_messages_engagement_idx on engagement_messages (engagement_id, created_at, id);
