//! End to end: the real Percorso binary in a real WebKitGTK window, driven through tauri-driver
//! and WebKitWebDriver. Run by `scripts/test.sh` under Xvfb with:
//! `PERCORSO_APP=<abs path to percorso-app> ARTIFACTS=<dir> cargo test -p percorso-app --test e2e`.
//!
//! tauri-driver is started in its own process group and the whole group (driver, WebKitWebDriver
//! and the app) is killed when the test ends, pass or fail, so no process outlives the run.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use percorso::demo::retail;
use serde_json::json;

const PORT: u16 = 4444;

/// The tauri-driver process group; dropping it kills every process in it.
struct Driver(Child);

impl Driver {
    fn start() -> Driver {
        use std::os::unix::process::CommandExt;
        let child = Command::new("tauri-driver")
            .args(["--port", &PORT.to_string(), "--native-port", "4445"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be installed (scripts/test.sh installs it)");
        Driver(child)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.wait();
        // WebKitWebDriver and the app are in the same group; wait until the last one is gone.
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            let alive = Command::new("kill")
                .args(["-0", "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !alive {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn artifacts() -> PathBuf {
    let dir =
        std::env::var_os("ARTIFACTS").map_or_else(|| PathBuf::from("artifacts"), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn connect(app: &str) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), json!({ "application": app }));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{PORT}"))
            .await
        {
            Ok(client) => return client,
            Err(e) if Instant::now() < deadline => {
                eprintln!("waiting for tauri-driver: {e}");
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            Err(e) => panic!("could not start a WebDriver session: {e}"),
        }
    }
}

/// The text content of every element matching `css`, read in the page (WebKitWebDriver's
/// rendered-text call returns nothing for elements inside React Flow's transformed viewport).
async fn texts(client: &Client, css: &str) -> Vec<String> {
    let value = client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());",
            vec![json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// Polls until `css` matches at least `count` elements; the window paints about a second after
/// launch and the demo workspace is written on first start.
async fn wait_for(client: &Client, css: &str, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = client.find_all(Locator::Css(css)).await.unwrap().len();
        if found >= count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {found} of {count} `{css}` elements appeared within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn screenshot(client: &Client, name: &str) {
    // A screenshot right after a DOM change can be stale: wait for two animation frames.
    client
        .execute_async(
            "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .unwrap();
    let png = client.screenshot().await.unwrap();
    let path = artifacts().join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

async fn demo_map_is_shown(client: &Client) {
    wait_for(client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;

    let mut lanes = texts(client, "[data-testid=lane] .lane-name").await;
    lanes.sort();
    let mut stages: Vec<String> = retail::STAGES.iter().map(|s| s.to_string()).collect();
    stages.sort();
    assert_eq!(lanes, stages, "every stage of the demo has a lane");

    let mut shown = texts(client, "[data-testid=touchpoint] .touchpoint-name").await;
    shown.sort();
    let mut expected: Vec<String> = retail::SPOTS.iter().map(|s| s.name.to_string()).collect();
    expected.sort();
    assert_eq!(
        shown, expected,
        "every touchpoint of the demo is on the map"
    );

    let physical = client
        .find_all(Locator::Css("[data-testid=touchpoint][data-kind=physical]"))
        .await
        .unwrap()
        .len();
    assert!(physical > 0 && physical < retail::SPOTS.len());

    let events = texts(client, "[data-testid=event-count]").await;
    let digits: String = events
        .concat()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert!(
        digits.parse::<u64>().unwrap() >= 50_000,
        "events shown: {events:?}"
    );
    screenshot(client, "e2e-demo-map.png").await;

    // Selecting a touchpoint shows it in the side panel.
    let card = client
        .find(Locator::XPath(
            "//*[@data-testid='touchpoint'][.//*[text()='Web checkout']]",
        ))
        .await
        .unwrap();
    card.click().await.unwrap();
    wait_for(client, "[data-testid=selected-touchpoint]", 1).await;
    let selected = texts(client, "[data-testid=selected-touchpoint]").await;
    assert_eq!(selected, vec!["Web checkout".to_string()]);
    screenshot(client, "e2e-touchpoint-selected.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_shows_the_populated_demo_map() {
    let app = std::env::var("PERCORSO_APP").expect("PERCORSO_APP: absolute path of percorso-app");
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("first-start").join("demo.percorso");
    // The app reads its workspace from PERCORSO_WORKSPACE; tauri-driver passes our environment on.
    std::env::set_var("PERCORSO_WORKSPACE", &workspace);
    let driver = Driver::start();
    let client = connect(&app).await;
    let outcome = tokio::spawn({
        let client = client.clone();
        async move { demo_map_is_shown(&client).await }
    })
    .await;
    let _ = client.close().await;
    drop(driver);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
    assert!(
        workspace.exists(),
        "the demo workspace was created on first start"
    );
}
