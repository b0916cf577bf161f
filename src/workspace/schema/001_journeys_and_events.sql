-- Percorso workspace format 1.
PRAGMA application_id = 1346589267;

CREATE TABLE journeys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);

CREATE TABLE stages (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL
);
CREATE INDEX stages_by_journey ON stages(journey_id, position);

CREATE TABLE touchpoints (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    stage_id   INTEGER NOT NULL REFERENCES stages(id),
    name       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('physical', 'digital')),
    x          REAL NOT NULL,
    y          REAL NOT NULL,
    is_entry   INTEGER NOT NULL DEFAULT 0,
    is_goal    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX touchpoints_by_journey ON touchpoints(journey_id);

-- The log values that mean a touchpoint, besides its name.
CREATE TABLE touchpoint_aliases (
    touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    alias         TEXT NOT NULL,
    PRIMARY KEY (touchpoint_id, alias)
);

CREATE TABLE transitions (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    from_id    INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    to_id      INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    UNIQUE (from_id, to_id)
);
CREATE INDEX transitions_by_journey ON transitions(journey_id);

-- One imported file and how its columns were read.
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    timezone        TEXT NOT NULL,
    mapping         TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    rows_read       INTEGER NOT NULL,
    events_imported INTEGER NOT NULL,
    rows_rejected   INTEGER NOT NULL,
    duplicates      INTEGER NOT NULL
);

-- A source's text dictionaries (customer ids, touchpoint values, channels, event types), each a
-- blob of length-prefixed UTF-8 strings; the event chunks hold codes into them.
CREATE TABLE source_dictionaries (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (source_id, name)
);

-- A source's events in file order, in chunks of columns. Each column blob starts with a tag byte:
-- customer and instant are zig-zag LEB128 deltas from the previous event (tag 0x10); touchpoint,
-- channel and event_type are codes of width 1, 2 or 4 bytes (the tag is the width; the width's
-- largest number means "none"); value is dense f64 (0x20) or a bitmap of present values followed
-- by those values (0x21). All numbers are little-endian.
CREATE TABLE event_chunks (
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    chunk      INTEGER NOT NULL,
    rows       INTEGER NOT NULL,
    customer   BLOB NOT NULL,
    instant    BLOB NOT NULL,
    touchpoint BLOB NOT NULL,
    channel    BLOB NOT NULL,
    event_type BLOB NOT NULL,
    value      BLOB NOT NULL,
    PRIMARY KEY (source_id, chunk)
);

-- Segment attributes of a source's customers: a dictionary and one code per customer.
CREATE TABLE customer_attributes (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    dictionary  BLOB NOT NULL,
    of_customer BLOB NOT NULL,
    PRIMARY KEY (source_id, name)
);

-- Rows that could not be imported, kept so that none is lost silently.
CREATE TABLE rejected_rows (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    message   TEXT NOT NULL,
    raw       TEXT NOT NULL
);
CREATE INDEX rejected_rows_by_source ON rejected_rows(source_id, line);
