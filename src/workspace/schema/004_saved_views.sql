-- Percorso workspace format 4: saved views, the named states of Analyze (crate::journey::view), in the
-- order the user gave them. The state is JSON: the filters and how the map shows them.
CREATE TABLE views (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    state      TEXT NOT NULL CHECK (json_valid(state))
);
CREATE INDEX views_by_journey ON views(journey_id, position);
