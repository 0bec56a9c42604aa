-- Booking shared instruments. An instrument is a published catalogue entry of kind
-- INSTRUMENT; this feature keeps its own tables and refers to the entry by id only.
-- Times are timestamptz (UTC in storage); opening hours are local Asia/Shanghai times.
create extension if not exists btree_gist;

-- How an instrument may be booked. No row: the defaults (see BookingRules.defaults).
create table booking_rules (
    instrument_id               uuid primary key,
    -- [{"day": "MONDAY", "start": "08:30", "end": "17:30"}, ...], local time
    weekly_hours                jsonb       not null,
    slot_minutes                integer     not null check (slot_minutes between 5 and 240),
    min_minutes                 integer     not null check (min_minutes > 0),
    max_minutes                 integer     not null check (max_minutes >= min_minutes),
    min_notice_minutes          integer     not null check (min_notice_minutes >= 0),
    max_advance_days            integer     not null check (max_advance_days between 1 and 730),
    buffer_minutes              integer     not null check (buffer_minutes >= 0),
    quota_minutes_per_day       integer     check (quota_minutes_per_day > 0),
    quota_minutes_per_week      integer     check (quota_minutes_per_week > 0),
    quota_minutes_per_month     integer     check (quota_minutes_per_month > 0),
    approval_required           boolean     not null,
    training_required           boolean     not null,
    cancellation_deadline_hours integer     not null check (cancellation_deadline_hours >= 0),
    no_show_grace_minutes       integer     not null check (no_show_grace_minutes >= 0),
    version                     integer     not null,
    updated_at                  timestamptz not null,
    updated_by                  uuid references users (id)
);

-- Holidays, maintenance and outages: nobody can book the instrument during them.
create table instrument_closures (
    id            uuid primary key,
    instrument_id uuid        not null,
    during        tstzrange   not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)),
    kind          varchar(16) not null check (kind in ('HOLIDAY', 'MAINTENANCE', 'OUTAGE')),
    planned       boolean     not null,
    reason        varchar(500) not null,
    created_by    uuid        not null references users (id),
    created_at    timestamptz not null
);

create index instrument_closures_during_idx on instrument_closures using gist (instrument_id, during);

-- Who has been trained on an instrument (needed when its rules require training).
create table instrument_qualifications (
    instrument_id uuid        not null,
    user_id       uuid        not null references users (id),
    granted_by    uuid        not null references users (id),
    granted_at    timestamptz not null,
    expires_at    timestamptz,
    primary key (instrument_id, user_id)
);

-- Innovation vouchers (科技创新券): budgets an admin grants a firm. spent_fen can never
-- exceed the budget: the check holds under any concurrency.
create table vouchers (
    id              uuid primary key,
    organisation_id uuid         not null references organisations (id),
    budget_fen      bigint       not null check (budget_fen > 0),
    spent_fen       bigint       not null default 0,
    valid_until     date         not null,
    note            varchar(500),
    issued_by       uuid         not null references users (id),
    issued_at       timestamptz  not null,
    check (spent_fen >= 0 and spent_fen <= budget_fen)
);

create index vouchers_organisation_idx on vouchers (organisation_id);

create table bookings (
    id                   uuid primary key,
    instrument_id        uuid         not null,
    host_organisation_id uuid         not null references organisations (id),
    requester_id         uuid         not null references users (id),
    -- The paying organisation, if any; its members pay the internal rate when it hosts.
    organisation_id      uuid references organisations (id),
    mode                 varchar(20)  not null check (mode in ('MACHINE_TIME', 'SAMPLE_SUBMISSION')),
    status               varchar(16)  not null check (status in ('PENDING', 'ADJUSTED', 'APPROVED', 'REJECTED',
                                         'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    starts_at            timestamptz,
    ends_at              timestamptz,
    -- The time the booking keeps from others: its slot (or the slot staff proposed) and
    -- the buffer after it. Null for sample submissions.
    held                 tstzrange,
    sample               jsonb,
    note                 varchar(1000),
    rate_kind            varchar(8)   not null check (rate_kind in ('INTERNAL', 'EXTERNAL')),
    unit                 varchar(12)  not null check (unit in ('PER_HOUR', 'PER_SAMPLE', 'PER_PROJECT')),
    rate_fen             bigint       not null check (rate_fen >= 0),
    quantity             numeric(12, 2) not null check (quantity >= 0),
    estimate_fen         bigint       not null check (estimate_fen >= 0),
    proposal             jsonb,
    reason               varchar(500),
    actual_start         timestamptz,
    actual_end           timestamptz,
    samples_run          integer,
    result_note          varchar(2000),
    charge_fen           bigint check (charge_fen >= 0),
    voucher_id           uuid references vouchers (id),
    subsidy_fen          bigint       not null default 0 check (subsidy_fen >= 0),
    rating               smallint check (rating between 1 and 5),
    rating_comment       varchar(1000),
    check_in_code        varchar(8)   not null,
    reminded_at          timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              integer      not null,
    check (mode <> 'MACHINE_TIME' or (starts_at < ends_at and held is not null)),
    check (mode <> 'SAMPLE_SUBMISSION' or sample is not null),
    -- No double booking, whatever the number of backend replicas: two bookings of one
    -- instrument that keep their time can never overlap. A lost race fails here.
    constraint bookings_no_overlap exclude using gist (instrument_id with =, held with &&)
        where (status in ('PENDING', 'ADJUSTED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED'))
);

create index bookings_requester_idx on bookings (requester_id, created_at desc);
create index bookings_host_idx on bookings (host_organisation_id, status, created_at);
create index bookings_instrument_idx on bookings (instrument_id, starts_at);
create index bookings_organisation_idx on bookings (organisation_id, ends_at);
-- The no-show sweep and the reminders look at approved bookings by start.
create index bookings_approved_start_idx on bookings (starts_at) where status = 'APPROVED';

-- Every step of every booking: who moved it from which state to which, and why.
create table booking_events (
    id          uuid primary key,
    booking_id  uuid        not null references bookings (id),
    at          timestamptz not null,
    actor_id    uuid references users (id),
    from_status varchar(16),
    to_status   varchar(16) not null,
    note        varchar(1000)
);

create index booking_events_booking_idx on booking_events (booking_id, at);

-- Users who missed too many bookings may not book until `until`.
create table booking_suspensions (
    user_id    uuid primary key references users (id),
    until      timestamptz  not null,
    reason     varchar(500) not null,
    created_at timestamptz  not null
);

-- Secret tokens of the users' iCalendar feeds (hashed; the URL is the only credential).
create table calendar_feeds (
    user_id    uuid primary key references users (id),
    token_hash varchar(64) not null unique,
    created_at timestamptz not null
);

-- Waiting for a taken slot: offered (notified) when it frees up.
create table booking_waitlist (
    id            uuid primary key,
    instrument_id uuid        not null,
    user_id       uuid        not null references users (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null check (ends_at > starts_at),
    created_at    timestamptz not null,
    offered_at    timestamptz
);

create index booking_waitlist_instrument_idx on booking_waitlist (instrument_id, starts_at) where offered_at is null;
