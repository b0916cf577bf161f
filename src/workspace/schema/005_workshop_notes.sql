-- Percorso workspace format 5: workshop notes (crate::journey::note), in the order they were
-- taken. A note is on a touchpoint or on a stage, never both; the editor removes a note with its
-- subject, in the same undo step, so the subject's id is not a foreign key here.
CREATE TABLE notes (
    id            INTEGER PRIMARY KEY,
    journey_id    INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    touchpoint_id INTEGER,
    stage_id      INTEGER,
    kind          TEXT NOT NULL CHECK (kind IN ('pain_point', 'opportunity', 'question')),
    text          TEXT NOT NULL,
    CHECK ((touchpoint_id IS NULL) != (stage_id IS NULL))
);
CREATE INDEX notes_by_journey ON notes(journey_id, position);
