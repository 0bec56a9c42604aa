-- Rebuilds of the search index. One may run at a time across all replicas (the partial
-- unique index is the lock); a replica that dies mid-rebuild stops its heartbeat, and
-- the next attempt marks the rebuild abandoned. Any replica reads progress from here.
CREATE TABLE search_reindex (
    id           uuid PRIMARY KEY,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    reason       text        NOT NULL CHECK (reason IN ('ADMIN', 'COMMAND', 'MAPPING_CHANGED')),
    index_name   text,
    total        bigint      NOT NULL DEFAULT 0,
    done         bigint      NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz,
    error        text
);

CREATE UNIQUE INDEX search_reindex_one_running ON search_reindex ((true)) WHERE state = 'RUNNING';
CREATE INDEX search_reindex_started ON search_reindex (started_at DESC);
