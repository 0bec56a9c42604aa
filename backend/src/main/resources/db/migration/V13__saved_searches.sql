-- Saved searches and their alerts. A saved search is a query string of GET /api/v1/search
-- that a user keeps; entries that become searchable and match it are its hits. This feature
-- refers to catalogue entries by id only.
create table saved_searches (
    id           uuid primary key,
    user_id      uuid         not null references users (id) on delete cascade,
    name         varchar(100) not null,
    -- The query string in its canonical form (cn.cztexchange.search.SavedQuery): parameters
    -- in a fixed order, values sorted, no paging. The same search saved twice is the same text.
    query        text         not null,
    -- The kinds the query is limited to (its kind parameters), so that an indexed batch is
    -- matched only against the saved searches that can take one of its kinds; null: every kind.
    kinds        text[],
    email_digest boolean      not null,
    created_at   timestamptz  not null,
    unique (user_id, query)
);

create index saved_searches_user_idx on saved_searches (user_id, created_at desc);

-- An entry found by a saved search, once: re-indexing the entry after an edit finds the row
-- already there (primary key) and alerts nobody again.
create table saved_search_hits (
    saved_search_id uuid        not null references saved_searches (id) on delete cascade,
    entry_id        uuid        not null,
    found_at        timestamptz not null,
    -- When the email digest took it; set when found for a saved search without digest, so
    -- that only hits found while the digest is on are ever mailed.
    digested_at     timestamptz,
    primary key (saved_search_id, entry_id)
);

create index saved_search_hits_newest_idx on saved_search_hits (saved_search_id, found_at desc);
create index saved_search_hits_undigested_idx on saved_search_hits (saved_search_id) where digested_at is null;

-- The alerts consumer claims its rows by topic in id order (see outbox_email_idx).
create index outbox_saved_search_check_idx on outbox (id) where topic = 'saved-search-check';
