-- The Spark table a workspace reads its numbers from, when it has one: the Spark Connect address
-- (never a token), the table and its columns by role (JSON of `spark::Columns`). One row at most.
CREATE TABLE spark_connection (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL,
    table_name TEXT NOT NULL,
    columns TEXT NOT NULL
);
