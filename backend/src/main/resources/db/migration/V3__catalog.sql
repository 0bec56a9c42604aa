-- The catalogue: one table for every kind of entry. What users type is kept as JSON documents
-- (validated by the application, kind by kind): the working copy in `draft`, and what the
-- public sees in `published`, so that an edit of a published entry stays invisible until
-- an admin approves it.
create table catalog_entries (
    id                    uuid primary key,
    kind                  varchar(16)  not null check (kind in ('INSTRUMENT', 'SERVICE', 'LITERATURE', 'TECH_OFFERING', 'FINANCING')),
    owner_organisation_id uuid         not null references organisations (id),
    -- DRAFT: never published; PUBLISHED: visible; ARCHIVED: withdrawn from the catalogue.
    status                varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    -- Where the working copy stands: being edited, waiting for an admin, or sent back.
    review                varchar(16)  not null check (review in ('EDITING', 'PENDING', 'REJECTED')),
    draft                 jsonb        not null,
    published             jsonb,
    rejection_reason      varchar(500),
    created_by            uuid         not null references users (id),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    submitted_at          timestamptz,
    published_at          timestamptz,
    -- Bumped by every change, so that two editors cannot overwrite each other unknowingly.
    version               integer      not null,
    check (status <> 'PUBLISHED' or published is not null)
);

create index catalog_entries_owner_idx on catalog_entries (owner_organisation_id, updated_at desc);
create index catalog_entries_review_idx on catalog_entries (review, submitted_at) where review = 'PENDING';

-- The transactional outbox: a row per change that others (the search indexer) must see,
-- written in the same transaction as the change. NOTIFY wakes the consumers; they claim rows
-- with FOR UPDATE SKIP LOCKED, so that any number of replicas can share the work.
create table outbox (
    id         bigserial primary key,
    topic      varchar(40)  not null,
    key        varchar(100) not null,
    payload    jsonb        not null,
    created_at timestamptz  not null
);

create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', new.topic);
    return null;
end;
$$;

create trigger outbox_notify after insert on outbox for each row execute function outbox_notify();
