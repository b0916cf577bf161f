-- Percorso workspace format 2: the content of a journey map, and the editor's undo history.

-- What a journey map says about each touchpoint. The lists are JSON arrays: pain points are
-- strings, opportunities {text, owner, status}, KPIs {name, value, target}.
ALTER TABLE touchpoints ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoints ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoints ADD COLUMN emotion INTEGER CHECK (emotion BETWEEN -2 AND 2);
ALTER TABLE touchpoints ADD COLUMN pain_points TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pain_points));
ALTER TABLE touchpoints ADD COLUMN opportunities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(opportunities));
ALTER TABLE touchpoints ADD COLUMN kpis TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kpis));

-- Who a journey is about. Goals are a JSON array of strings.
CREATE TABLE personas (
    id          INTEGER PRIMARY KEY,
    journey_id  INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    goals       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals))
);
CREATE INDEX personas_by_journey ON personas(journey_id);

-- Each edit of a journey, as the rows it changed (before and after, JSON), so that it can be
-- undone and redone after a relaunch. Undone edits wait for redo until a new edit clears them.
CREATE TABLE edit_history (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    change     TEXT NOT NULL CHECK (json_valid(change)),
    undone     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX edit_history_by_journey ON edit_history(journey_id, undone, id);

-- The highest row id the editor ever gave out per table, so that an id freed by undo is never
-- given to another row while a redo may still bring the first one back.
CREATE TABLE id_high_water (
    name TEXT PRIMARY KEY,
    id   INTEGER NOT NULL
);
