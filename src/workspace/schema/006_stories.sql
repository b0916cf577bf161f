-- Percorso workspace format 6: stories (crate::journey::story), in the order they were made. A
-- story's slides are JSON, each a saved view with its title and note; the editor removes a slide
-- with its view, in the same undo step, so the view's id is not a foreign key here.
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    slides     TEXT NOT NULL CHECK (json_valid(slides))
);
CREATE INDEX stories_by_journey ON stories(journey_id, position);
