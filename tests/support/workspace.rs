//! Set-up and checks that tests of the workspace file share, the CLI's tests included (they
//! take this file with `#[path]`).
#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use percorso::demo::DemoConfig;
use percorso::import::{self, ImportSettings, ImportSummary};
use percorso::Workspace;

/// The demo workspace with `customers` customers: the same journey and log shape, quick to write.
pub fn small_demo(customers: u64) -> DemoConfig {
    DemoConfig {
        customers,
        ..DemoConfig::default()
    }
}

/// Every row of every table, as text (blobs by their hash): two equal dumps mean equal content.
/// Opening the file also rolls back a transaction that a killed process left in its journal, as
/// any later open would.
pub fn content_dump(path: &Path) -> rusqlite::Result<String> {
    use rusqlite::types::ValueRef;
    let conn = rusqlite::Connection::open(path)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut dump = String::new();
    for table in tables {
        dump.push_str(&format!("table {table}\n"));
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for i in 0..columns {
                let cell = match row.get_ref(i)? {
                    ValueRef::Null => "null".to_owned(),
                    ValueRef::Integer(n) => n.to_string(),
                    ValueRef::Real(x) => x.to_string(),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    ValueRef::Blob(b) => format!("{:?}", blake3::hash(b)),
                };
                dump.push_str(&cell);
                dump.push('|');
            }
            dump.push('\n');
        }
    }
    Ok(dump)
}

/// Imports `path` into `workspace` with `settings`, ignoring progress and never cancelled.
pub fn import_quietly(
    workspace: &mut Workspace,
    path: &Path,
    settings: &ImportSettings,
) -> percorso::Result<ImportSummary> {
    import::import_file(
        workspace,
        path,
        settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )
}

/// A report (or any JSON) without the row ids of the journey each import made from its log: two
/// workspaces built from the same events differ in nothing else.
pub fn strip_ids(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !k.ends_with("_id"));
            map.values_mut().for_each(strip_ids);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_ids),
        _ => {}
    }
}
