-- Identity and access: organisations, users, memberships, refresh tokens, the audit log and
-- the counters behind rate limits. Enum-like columns are checked here too, so that no code
-- path can store a value the application does not know.

create table organisations (
    id                  uuid primary key,
    type                varchar(32)  not null check (type in ('UNIVERSITY', 'RESEARCH_INSTITUTE', 'FIRM', 'PARK', 'INVESTOR', 'PLATFORM_OPERATOR')),
    name_zh             varchar(200) not null,
    name_en             varchar(200) not null,
    -- An enclave park (飞地园区) belongs to more than one city; everything else to exactly one.
    cities              varchar(16)[] not null check (cardinality(cities) between 1 and 3 and cities <@ array['CHANGSHA', 'ZHUZHOU', 'XIANGTAN']::varchar(16)[]),
    district            varchar(100),
    credit_code         varchar(18) unique,
    website             varchar(300),
    contact_name        varchar(100),
    contact_phone       varchar(40),
    contact_email       varchar(254),
    contact_address     varchar(300),
    verification_status varchar(16)  not null check (verification_status in ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
    rejection_reason    varchar(500),
    verified_at         timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);

create index organisations_status_idx on organisations (verification_status, created_at desc);

create table users (
    id            uuid primary key,
    -- Normalised (trimmed, NFKC, lower case) so that one address is one account.
    email         varchar(254) not null unique,
    password_hash varchar(200) not null,
    display_name  varchar(100) not null,
    locale        varchar(8)   not null check (locale in ('zh-CN', 'en')),
    roles         varchar(16)[] not null check (roles <@ array['RESEARCHER', 'FIRM', 'INVESTOR', 'PUBLISHER', 'ADMIN']::varchar(16)[]),
    enabled       boolean      not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    last_login_at timestamptz
);

create table memberships (
    organisation_id uuid        not null references organisations (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    role            varchar(16) not null check (role in ('MEMBER', 'MANAGER')),
    joined_at       timestamptz not null,
    primary key (organisation_id, user_id)
);

create index memberships_user_idx on memberships (user_id);

-- Only a SHA-256 of each refresh token is kept. A token is used once: refreshing marks it used
-- and issues the next one in the same family; presenting a used token again revokes the family.
create table refresh_tokens (
    id         uuid primary key,
    family_id  uuid        not null,
    user_id    uuid        not null references users (id) on delete cascade,
    token_hash bytea       not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table audit_events (
    id             uuid primary key,
    occurred_at    timestamptz  not null,
    type           varchar(40)  not null,
    actor_id       uuid,
    actor_email    varchar(254),
    subject_type   varchar(40),
    subject_id     varchar(100),
    client_address varchar(64),
    details        jsonb        not null default '{}'
);

create index audit_events_occurred_idx on audit_events (occurred_at desc);
create index audit_events_type_idx on audit_events (type, occurred_at desc);

-- Fixed-window counters shared by every backend replica.
create table rate_limit_counters (
    key          varchar(300) not null,
    window_start timestamptz  not null,
    count        integer      not null,
    primary key (key, window_start)
);
