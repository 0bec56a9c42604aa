-- Bulk imports: one row per uploaded spreadsheet, holding its progress so that every replica
-- (and the page polling it) sees how far it got. The rows themselves are not kept.
create table catalog_import (
    id                uuid primary key,
    organisation_id   uuid         not null references organisations (id),
    kind              varchar(16)  not null check (kind in ('INSTRUMENT', 'SERVICE', 'LITERATURE', 'TECH_OFFERING', 'FINANCING')),
    file_name         varchar(255) not null,
    dry_run           boolean      not null,
    submit_for_review boolean      not null,
    status            varchar(16)  not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    -- VALIDATING every row, then CREATING them (a real import without errors), then DONE.
    phase             varchar(16)  not null check (phase in ('VALIDATING', 'CREATING', 'DONE')),
    total_rows        integer      not null,
    processed_rows    integer      not null,
    created_count     integer      not null,
    error_count       integer      not null,
    -- The first errors, [{row, column, message}]; error_count says how many there were.
    errors            jsonb        not null,
    created_entry_ids jsonb,
    created_by        uuid         not null references users (id),
    created_at        timestamptz  not null,
    -- Moves with every progress report: a RUNNING import whose replica died stops moving.
    updated_at        timestamptz  not null,
    finished_at       timestamptz
);

create index catalog_import_organisation_idx on catalog_import (organisation_id, created_at desc);
create index catalog_import_running_idx on catalog_import (updated_at) where status = 'RUNNING';

-- Pictures of entries, kept with the data they illustrate. The entry's content lists the ones
-- it shows (imageIds, in order); the public sees only those its published content lists.
create table catalog_image (
    id           uuid primary key,
    entry_id     uuid        not null references catalog_entries (id) on delete cascade,
    content_type varchar(40) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes   integer     not null check (size_bytes > 0),
    width        integer     not null check (width > 0),
    height       integer     not null check (height > 0),
    sha256       char(64)    not null,
    bytes        bytea       not null,
    created_at   timestamptz not null,
    created_by   uuid        not null references users (id)
);

create index catalog_image_entry_idx on catalog_image (entry_id, created_at);
