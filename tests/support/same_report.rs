//! Two reports as JSON are the same: every field equal, numbers to 1e-9 relative, transitions in
//! any order (engines may number unmapped values differently). The Spark tests of the engine and
//! of the CLI take this file with `#[path]`.
#![allow(dead_code)]
// Test support, which the Spark benchmark takes too: a difference panics with where it is.
#![allow(clippy::unwrap_used)]

use serde_json::Value;

pub fn assert_same(local: &Value, spark: &Value, what: &str) {
    let sorted = |v: &Value| {
        let mut v = v.clone();
        if let Some(edges) = v.get_mut("edges").and_then(Value::as_array_mut) {
            edges.sort_by_key(|e| (e["from"].to_string(), e["to"].to_string()));
        }
        v
    };
    close(&sorted(local), &sorted(spark), what);
}

fn close(a: &Value, b: &Value, at: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            let scale = x.abs().max(y.abs()).max(1e-300);
            assert!(
                x == y || (x - y).abs() / scale <= 1e-9,
                "{at}: local {x} ≠ Spark {y}"
            );
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}: lengths differ");
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                close(a, b, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                close(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    &format!("{at}.{k}"),
                );
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}
