//! The workspace file format, as an ordered list of migrations.
//!
//! `rusqlite_migration` runs each upgrade in one transaction that also sets `user_version`, so a
//! crash mid-upgrade leaves the file at its previous version, never between two. Migrations are
//! append-only: a released one is never edited.

use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::Result;

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("schema/001_journeys_and_events.sql")),
        M::up(include_str!("schema/002_journey_content_and_history.sql")),
        M::up(include_str!("schema/003_spark_connection.sql")),
        M::up(include_str!("schema/004_saved_views.sql")),
        M::up(include_str!("schema/005_workshop_notes.sql")),
        M::up(include_str!("schema/006_stories.sql")),
    ])
});

/// The format version this build writes and the newest it can read.
pub const LATEST: usize = 6;

pub fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

pub fn version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migration_list_is_valid_and_matches_latest() {
        assert!(MIGRATIONS.validate().is_ok());
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), LATEST);
    }
}
