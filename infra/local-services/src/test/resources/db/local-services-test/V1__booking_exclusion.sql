-- The extension the application's no-double-booking constraint needs.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE booking (
  instrument_id bigint NOT NULL,
  slot tstzrange NOT NULL,
  EXCLUDE USING gist (instrument_id WITH =, slot WITH &&)
);
