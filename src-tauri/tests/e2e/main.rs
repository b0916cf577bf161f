//! End to end: the real Percorso binary in a real WebKitGTK window, driven through tauri-driver
//! and WebKitWebDriver. Run by `scripts/test.sh` under Xvfb, in a D-Bus session with a Secret
//! Service (`scripts/with-keyring.sh`, for the Spark token), with a Spark cluster
//! (`PERCORSO_SPARK_URL`, from `scripts/spark.sh start`):
//! `PERCORSO_APP=<abs path to percorso-app> ARTIFACTS=<dir> cargo test -p percorso-app --test e2e`.
//!
//! Each test starts its own tauri-driver on free ports, in its own process group, and the whole
//! group (driver, WebKitWebDriver and the app) is killed when the test ends, pass or fail, so no
//! process outlives the run. This file is the harness; each feature has a module of its own.
//!
//! A test that cannot go on fails on the spot, so `unwrap` and `expect` are allowed here (the
//! crate is `test = false`, so `scripts/test.sh` lints it with a clippy step of its own).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analyze;
mod changes;
mod design;
mod discover;
mod editor;
mod export;
mod files;
mod import;
mod map;
mod notes;
mod present;
mod share;
mod spark;
#[path = "../../../tests/support/spark.rs"]
mod spark_cluster;
mod trends;
mod views;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// The tauri-driver process group; dropping it kills every process in it.
pub struct Driver {
    child: Child,
    port: u16,
}

/// A port that was free a moment ago.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    /// Starts tauri-driver; the app it launches inherits `config` as its config folder, and
    /// the variables of `env`.
    fn start(config: &Path, env: &[(&str, &str)]) -> Driver {
        use std::os::unix::process::CommandExt;
        let port = free_port();
        let child = Command::new("tauri-driver")
            .env("PERCORSO_CONFIG_DIR", config)
            .envs(env.iter().copied())
            .args(["--port", &port.to_string()])
            .args(["--native-port", &free_port().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be installed (scripts/test.sh installs it)");
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
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

pub fn artifacts() -> PathBuf {
    let dir =
        std::env::var_os("ARTIFACTS").map_or_else(|| PathBuf::from("artifacts"), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn connect(driver: &Driver, app: &str, workspace: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app, "args": [workspace] }),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{}", driver.port))
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
pub async fn texts(client: &Client, css: &str) -> Vec<String> {
    let value = client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());",
            vec![json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// How many elements match `css`, counted in the page: WebDriver's find-all makes a handle of
/// each element and fails when one is replaced meanwhile, as React does while it renders.
pub async fn count(client: &Client, css: &str) -> usize {
    let value = client
        .execute(
            "return document.querySelectorAll(arguments[0]).length;",
            vec![json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// Polls until `css` matches at least `at_least` elements; the window paints about a second after
/// launch and the demo workspace is written on first start.
pub async fn wait_for(client: &Client, css: &str, at_least: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = count(client, css).await;
        if found >= at_least {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {found} of {at_least} `{css}` elements appeared within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Defines `shortestName(css)` in a script: of the names that `css` finds, the fewest characters
/// left visible where a box cuts one (the longest start whose lines all lie inside the box, less
/// the character the ellipsis covers), and that name; `[Infinity, '']` when none is cut.
pub const SHORTEST_NAME_JS: &str = "
    const shownChars = e => {
      const text = e.textContent;
      if (e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1) return text.length;
      const node = e.firstChild, box = e.getBoundingClientRect(), range = document.createRange();
      const fits = k => { range.setStart(node, 0); range.setEnd(node, k);
        return [...range.getClientRects()].every(r => r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5); };
      let lo = 0, hi = text.length;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (fits(mid)) lo = mid; else hi = mid - 1; }
      return Math.max(0, lo - 1);
    };
    const shortestName = css => {
      let shortest = Infinity, of = '';
      for (const e of document.querySelectorAll(css)) {
        const k = shownChars(e);
        if (k < e.textContent.length && k < shortest) { shortest = k; of = e.textContent; }
      }
      return [shortest, of];
    };
";

/// How readable the map on screen is: the smallest card name in CSS pixels as drawn (its font
/// size times the map's zoom), the share of the canvas that the map covers, and how many of the
/// cards are inside the canvas.
pub struct Legibility {
    pub smallest_name_px: f64,
    /// The fewest characters shown of a name that its card cuts, and that name ("" when none is).
    pub shortest_name: u64,
    pub shortest_of: String,
    pub canvas_share: f64,
    pub cards_in_view: u64,
    pub cards: u64,
}

/// Measures [`Legibility`] for the cards whose names `name_css` finds (such as
/// `.touchpoint-name`), once the map has settled.
pub async fn legibility(client: &Client, name_css: &str) -> Legibility {
    tokio::time::sleep(Duration::from_millis(500)).await;
    let value = client
        .execute(
            &[SHORTEST_NAME_JS, "const canvas = document.querySelector('.react-flow');
             const c = canvas.getBoundingClientRect();
             const viewport = canvas.querySelector('.react-flow__viewport');
             const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
             const names = Array.from(canvas.querySelectorAll(arguments[0]));
             const smallest = Math.min(...names.map(n => parseFloat(getComputedStyle(n).fontSize) * zoom));
             let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
             for (const n of canvas.querySelectorAll('.react-flow__node')) {
               const q = n.getBoundingClientRect();
               l = Math.min(l, q.left); t = Math.min(t, q.top); r = Math.max(r, q.right); b = Math.max(b, q.bottom);
             }
             const w = Math.max(0, Math.min(r, c.right) - Math.max(l, c.left));
             const h = Math.max(0, Math.min(b, c.bottom) - Math.max(t, c.top));
             const inView = names.filter(n => { const q = n.getBoundingClientRect();
               return q.left >= c.left && q.right <= c.right && q.top >= c.top && q.bottom <= c.bottom; }).length;
             const [shortest, of] = shortestName(arguments[0]);
             return [smallest, (w * h) / (c.width * c.height), inView, names.length,
                     Number.isFinite(shortest) ? shortest : 9999, of];"].concat(),
            vec![json!(name_css)],
        )
        .await
        .unwrap();
    let (smallest_name_px, canvas_share, cards_in_view, cards, shortest_name, shortest_of): (
        f64,
        f64,
        u64,
        u64,
        u64,
        String,
    ) = serde_json::from_value(value).unwrap();
    Legibility {
        smallest_name_px,
        shortest_name,
        shortest_of,
        canvas_share,
        cards_in_view,
        cards,
    }
}

/// The screens a projector shows, at which the legibility checks measure.
pub const PROJECTOR_SIZES: [(u32, u32); 2] = [(1280, 720), (1920, 1080)];

/// The most cut touchpoint name in words, once checked that it shows at least 12 characters
/// (`of` is empty when no name is cut).
pub fn checked_cut(place: &str, shortest: u64, of: &str) -> String {
    if of.is_empty() {
        return "no name cut".to_owned();
    }
    assert!(
        shortest >= 12,
        "{place}: {of:?} shows only {shortest} characters"
    );
    format!("the most cut name shows {shortest} characters ({of:?})")
}

/// Checks and prints the [`Legibility`] of the map in `mode` at 1280×720 and at 1920×1080, and
/// puts the window back. A map takes its first view when it opens, so after each
/// resize the mode is left for `away` and opened again with `back` until `ready` shows.
pub async fn check_legibility(
    client: &Client,
    mode: &str,
    name_css: &str,
    (away, back): (&str, &str),
    (ready, count): (&str, usize),
) {
    let (width, height) = client.get_window_size().await.unwrap();
    let reopen = || async {
        click(client, away).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        click(client, back).await;
        wait_for(client, ready, count).await;
    };
    for (w, h) in PROJECTOR_SIZES {
        client.set_window_size(w, h).await.unwrap();
        reopen().await;
        let seen = legibility(client, name_css).await;
        let cut = checked_cut(
            &format!("{mode} at {w}×{h}"),
            seen.shortest_name,
            &seen.shortest_of,
        );
        eprintln!(
            "legibility {mode} at {w}×{h}: smallest card name {:.1} px, {cut}, the map covers \
             {:.0}% of the canvas, {} of {} cards in view",
            seen.smallest_name_px,
            seen.canvas_share * 100.0,
            seen.cards_in_view,
            seen.cards
        );
        assert!(
            seen.smallest_name_px >= 10.95,
            "{mode} at {w}×{h}: card names are {:.1} px on screen, below 11",
            seen.smallest_name_px
        );
        assert!(
            seen.canvas_share >= 0.5,
            "{mode} at {w}×{h}: the map covers only {:.0}% of the canvas",
            seen.canvas_share * 100.0
        );
        assert!(
            seen.cards_in_view >= 6,
            "{mode} at {w}×{h}: almost no card in view"
        );
    }
    client
        .set_window_size(width as u32, height as u32)
        .await
        .unwrap();
    reopen().await;
}

pub async fn screenshot(client: &Client, name: &str) {
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

/// Opens the app on `workspace` (created as the demo when missing), runs `steps` against it and
/// closes everything, pass or fail. The app keeps its settings (the recent workspaces) in a
/// folder of its own that goes with the run.
pub async fn with_app<F, Fut>(workspace: &Path, steps: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let config = tempfile::tempdir().unwrap();
    with_app_config(workspace, config.path(), steps).await;
}

/// [`with_app`] with the app launched with the variables of `env` as well.
pub async fn with_app_env<F, Fut>(workspace: &Path, env: &[(&str, &str)], steps: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let config = tempfile::tempdir().unwrap();
    launch(workspace, config.path(), env, steps).await;
}

/// [`with_app`] with the app's settings in `config`, so that a test can launch it again on
/// what the previous launch remembered.
pub async fn with_app_config<F, Fut>(workspace: &Path, config: &Path, steps: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    launch(workspace, config, &[], steps).await;
}

async fn launch<F, Fut>(workspace: &Path, config: &Path, env: &[(&str, &str)], steps: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let app = std::env::var("PERCORSO_APP").expect("PERCORSO_APP: absolute path of percorso-app");
    let driver = Driver::start(config, env);
    let client = connect(&driver, &app, workspace).await;
    let outcome = tokio::spawn(steps(client.clone())).await;
    if outcome.is_err() {
        show_failure(&client).await;
    }
    let _ = client.close().await;
    drop(driver);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// What the window showed when a test failed: a screenshot named after the test, and the text
/// of every alert, which names an error the numbers alone would hide.
async fn show_failure(client: &Client) {
    let test = std::thread::current()
        .name()
        .unwrap_or("test")
        .replace("::", "-");
    if let Ok(png) = client.screenshot().await {
        let path = artifacts().join(format!("e2e-failed-{test}.png"));
        if std::fs::write(&path, png).is_ok() {
            eprintln!("screenshot of the failure: {}", path.display());
        }
    }
    let alerts = client
        .execute(
            "return [...document.querySelectorAll('[role=alert]')].map(e => e.innerText);",
            vec![],
        )
        .await;
    eprintln!("alerts shown when {test} failed: {alerts:?}");
    let page = client
        .execute(
            "return { tab: [...document.querySelectorAll('[role=tab][aria-selected=true]')]
                       .map(e => e.textContent),
                      text: document.body.innerText.replace(/\\s+/g, ' ').slice(0, 600) };",
            vec![],
        )
        .await;
    eprintln!("page shown when {test} failed: {page:?}");
}

/// Chooses `value` in the `<select>` with `data-testid` `testid` by clicking its option, as a user
/// does. A scripted change event sent the moment a panel appears was lost on a busy machine,
/// twice (the cohorts' and What changed's periods): use this for a select that has just appeared.
pub async fn choose(client: &Client, testid: &str, value: &str) {
    client
        .find(Locator::Css(&format!("[data-testid={testid}]")))
        .await
        .unwrap_or_else(|e| panic!("no `{testid}`: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("`{testid}` has no option {value:?}: {e}"));
}

/// Sets the `<select>` or `<input>` with `data-testid` `testid` to `value` as React sees a user
/// do it.
pub async fn set_value(client: &Client, testid: &str, value: &str) {
    client
        .execute(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
             el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));",
            vec![json!(testid), json!(value)],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Presses `key` on the keyboard, as a user (or a presentation clicker) does.
pub async fn press(client: &Client, key: impl Into<char> + Copy) {
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    client.perform_actions(actions).await.unwrap();
}

/// Clicks the element matching `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .click()
        .await
        .unwrap();
}

/// The text of the one element matching `css`.
pub async fn one_text(client: &Client, css: &str) -> String {
    let found = texts(client, css).await;
    assert_eq!(found.len(), 1, "`{css}`: {found:?}");
    found[0].clone()
}

/// The value of the `<input>` or `<select>` with `data-testid` `testid`.
pub async fn input_value(client: &Client, testid: &str) -> String {
    let value = client
        .execute(
            "return document.querySelector(`[data-testid=${arguments[0]}]`).value;",
            vec![json!(testid)],
        )
        .await
        .unwrap();
    value.as_str().unwrap_or_default().to_owned()
}

/// Presses the mouse on the element matching `css` at the first of `xs` (pixels from its
/// centre, on its middle line), moves through the others and releases at the last.
pub async fn drag_across(client: &Client, css: &str, xs: &[f64]) {
    let element = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"));
    let (first, rest) = xs.split_first().expect("a drag needs a starting point");
    let mut drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: *first,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for x in rest {
        drag = drag.then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: Some(Duration::from_millis(150)),
            x: *x,
            y: 0.0,
        });
    }
    let drag = drag.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    client.perform_actions(drag).await.unwrap();
}

/// The attribute `name` of every element matching `css`, in document order ("" where absent).
pub async fn attributes(client: &Client, css: &str, name: &str) -> Vec<String> {
    let value = client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]) || '');",
            vec![json!(css), json!(name)],
        )
        .await
        .unwrap();
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The date filter's from and to, once a brush has set both.
pub async fn brushed_dates(client: &Client) -> (String, String) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let from = input_value(client, "filter-from").await;
        let to = input_value(client, "filter-to").await;
        if !from.is_empty() && !to.is_empty() {
            assert!(from < to, "{from} .. {to}");
            return (from, to);
        }
        assert!(Instant::now() < deadline, "the brush set no dates");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
