//! The test cluster: its address, and tables made on it from files the test wrote.

#![allow(dead_code)]

use percorso::spark::Connection;

/// The address of the Spark Connect server that `scripts/test.sh` starts.
pub fn url() -> String {
    std::env::var("PERCORSO_SPARK_URL").expect(
        "PERCORSO_SPARK_URL: the address of a Spark Connect server (scripts/test.sh starts one \
         with scripts/spark.sh start)",
    )
}

/// Makes table `name` on the cluster, dropping an older one: `using` is what follows `USING`,
/// e.g. `parquet LOCATION '/tmp/x'`.
pub fn create_table(name: &str, using: &str) {
    let session = Connection::open(&url()).unwrap();
    for query in [
        format!("DROP TABLE IF EXISTS {name}"),
        format!("CREATE TABLE {name} USING {using}"),
    ] {
        session.sql(&query).unwrap();
    }
}

/// Table `name` of a CSV file with a header, every column text.
pub fn csv_table(name: &str, csv: &std::path::Path) {
    create_table(
        name,
        &format!("csv OPTIONS (path '{}', header 'true')", csv.display()),
    );
}
