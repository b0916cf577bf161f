//! A Spark token lives in the system keyring or the environment, never in the workspace file.
//!
//! Needs a Secret Service: `scripts/test.sh` runs this inside `scripts/with-keyring.sh`, a D-Bus
//! session of its own with GNOME Keyring's daemon on a temporary keyring.

#![cfg(test)]

use percorso::spark::{Columns, SparkSource, TokenOrigin, KEYRING_SERVICE, TOKEN_VARIABLE};
use percorso::Workspace;

fn source(url: &str) -> SparkSource {
    SparkSource {
        url: url.to_owned(),
        table: "events".to_owned(),
        columns: Columns {
            customer: "customer_id".to_owned(),
            timestamp: "ts".to_owned(),
            touchpoint: "touchpoint".to_owned(),
            ..Columns::default()
        },
    }
}

/// The environment variable and the keyring are read in one test, one after the other: the
/// variable is process-wide.
#[test]
fn a_token_is_kept_in_the_keyring_per_server_and_the_environment_comes_first() {
    std::env::remove_var(TOKEN_VARIABLE);
    let here = source("sc://spark.example.com:443");
    let other = source("sc://other.example.com:15002");
    here.forget_token().unwrap();
    other.forget_token().unwrap();
    assert_eq!(here.token(), None);
    assert_eq!(here.connect_url(), "sc://spark.example.com:443");

    here.remember_token("  s3cret-token\n").unwrap();
    assert_eq!(
        here.token(),
        Some(("s3cret-token".to_owned(), TokenOrigin::Keyring))
    );
    assert_eq!(
        here.connect_url(),
        "sc://spark.example.com:443/;token=s3cret-token"
    );
    // The same server by another spelling of its address finds it; another server does not.
    let same = source("sc://spark.example.com:443/;user_id=ana");
    assert_eq!(
        same.token().map(|(t, _)| t).as_deref(),
        Some("s3cret-token")
    );
    assert_eq!(other.token(), None);
    // It is in the keyring under Percorso's service, where a keyring manager shows it.
    let entry = keyring::Entry::new(KEYRING_SERVICE, "spark.example.com:443").unwrap();
    assert_eq!(entry.get_password().unwrap(), "s3cret-token");

    // A workspace that stores the connection holds no token.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let mut ws = Workspace::create(&path, false).unwrap();
    ws.set_spark_source(Some(&here)).unwrap();
    drop(ws);
    let bytes = std::fs::read(&path).unwrap();
    let found = bytes.windows(6).any(|w| w == b"s3cret");
    assert!(!found, "the token reached the workspace file");

    std::env::set_var(TOKEN_VARIABLE, "from-env");
    assert_eq!(
        here.token(),
        Some(("from-env".to_owned(), TokenOrigin::Environment))
    );
    std::env::remove_var(TOKEN_VARIABLE);

    assert!(here.forget_token().unwrap());
    assert!(!here.forget_token().unwrap(), "nothing left to forget");
    assert_eq!(here.token(), None);
    assert!(here.remember_token("   ").is_err(), "an empty token");
}
