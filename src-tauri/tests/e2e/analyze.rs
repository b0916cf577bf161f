//! Analyze mode on the demo workspace: the numbers on the map are the engine's, filters change
//! them as `percorso report --from --to` does, a customer's path opens, and two segments compare.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use percorso::analytics::{Analysis, Params, Report, Segment};
use percorso::demo::retail;
use percorso::Workspace;
use serde_json::json;

use crate::{
    attributes, brushed_dates, check_legibility, count, drag_across, screenshot, set_value, texts,
    wait_for, with_app, with_app_env,
};

const NAMED: &str = "Web checkout";

pub(crate) fn engine_report(workspace: &std::path::Path, params: &Params) -> Report {
    let ws = Workspace::open(workspace).unwrap();
    Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(params)
        .unwrap()
}

/// A percentage as the UI writes it in either language ("11.1%" or "11,1%").
pub(crate) fn percent(text: &str) -> f64 {
    let t = text.trim().trim_end_matches('%');
    let normal = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_owned()
    };
    normal
        .parse()
        .unwrap_or_else(|_| panic!("not a percentage: {text:?}"))
}

pub(crate) fn digits(text: &str) -> u64 {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    d.parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

async fn headline(client: &Client, touchpoint: &str) -> String {
    let css = format!(
        "[data-testid=metric-node][data-touchpoint='{touchpoint}'] [data-testid=node-headline]"
    );
    texts(client, &css).await.concat()
}

/// Waits for the map, then for the drop-off rate of NAMED that the engine's `expected` report gives.
async fn shows_engine_rate(client: &Client, expected: &Report) {
    wait_for(client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    let rate = expected
        .nodes
        .iter()
        .find(|n| n.touchpoint == NAMED)
        .and_then(|n| n.dropoff_rate)
        .unwrap();
    wait_for_rate(client, NAMED, rate).await;
}

/// Waits until the headline of `touchpoint` shows `rate` (to the one decimal shown).
pub(crate) async fn wait_for_rate(client: &Client, touchpoint: &str, rate: f64) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let shown = headline(client, touchpoint).await;
        if !shown.is_empty() && (percent(&shown) - rate).abs() < 0.051 {
            return shown;
        }
        assert!(
            Instant::now() < deadline,
            "{touchpoint} shows {shown:?}, the engine says {rate:.3}%"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits until `touchpoint` shows the difference B − A `expected`, in percentage points.
async fn wait_for_difference(client: &Client, touchpoint: &str, expected: f64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let shown = headline(client, touchpoint).await;
        if let Some(points) = shown.strip_suffix("pp") {
            let value = percent(points.trim().trim_start_matches('+'));
            if (value - expected).abs() < 0.051 {
                return;
            }
        }
        assert!(
            Instant::now() < deadline,
            "{touchpoint} shows {shown:?}, the engine's difference is {expected:.3} pp"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Sets a form control's value as a user's input would, so React sees the change.
/// Waits until Analyze has no request in flight (its "Computing…" note and its loading strip,
/// which stands in for the note while the engine says how far it is, are gone).
async fn settled(client: &Client) {
    let deadline = Instant::now() + Duration::from_secs(30);
    // Counted in the page: element handles of notes that come and go can go stale in between.
    while client
        .execute(
            "return document.querySelectorAll(
               '.analyze [role=status].busy-note, [data-testid=analysis-progress]').length;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        != Some(0)
    {
        assert!(
            Instant::now() < deadline,
            "Analyze is still loading after 30 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Like `wait_for` for one element, but a failure shows the text of `context`, to say why.
async fn wait_for_or_show(client: &Client, css: &str, context: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while count(client, css).await == 0 {
        if Instant::now() > deadline {
            let shown = texts(client, context).await;
            panic!("no `{css}` within 30 s; the panel shows: {shown:?}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Clicks what `css` finds, as a user would: a card outside the canvas (the map opens readable,
/// on its first stages) is brought into view first with the zoom controls' "fit view" button.
async fn click(client: &Client, css: &str) {
    let outside = client
        .execute(
            "const el = document.querySelector(arguments[0]);
             const canvas = el && el.closest('.react-flow');
             if (!canvas) return false;
             const r = el.getBoundingClientRect(), c = canvas.getBoundingClientRect();
             const x = r.left + r.width / 2, y = r.top + r.height / 2;
             return x < c.left || x > c.right || y < c.top || y > c.bottom;",
            vec![json!(css)],
        )
        .await
        .unwrap();
    if outside == json!(true) {
        client
            .find(Locator::Css(".react-flow__controls-fitview"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}

async fn analyze_matches_the_engine(client: Client, workspace: std::path::PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    wait_for(&client, "[data-testid=funnel-stage]", retail::STAGES.len()).await;

    // The drop-off rate on a named touchpoint is the engine's.
    let all = engine_report(&workspace, &Params::default());
    let node = all.nodes.iter().find(|n| n.touchpoint == NAMED).unwrap();
    let rate = node.dropoff_rate.unwrap();
    wait_for_rate(&client, NAMED, rate).await;
    let unmapped = texts(&client, "[data-testid=unmapped-value]").await;
    assert_eq!(
        unmapped.len(),
        all.unmapped.len(),
        "unmapped values: {unmapped:?}"
    );
    let customers = texts(&client, "[data-testid=overview-customers]")
        .await
        .concat();
    assert_eq!(digits(&customers), all.customers);
    let reached = texts(&client, "[data-testid=funnel-reached]").await;
    assert_eq!(
        digits(&reached[0]),
        all.stages[0].reached,
        "first stage reached"
    );
    screenshot(&client, "e2e-analyze.png").await;
    check_legibility(
        &client,
        "Analyze",
        "[data-testid=metric-node] .metric-node-name",
        ("[data-testid=mode-design]", "[data-testid=mode-analyze]"),
        ("[data-testid=metric-node]", retail::SPOTS.len()),
    )
    .await;
    wait_for_rate(&client, NAMED, rate).await;

    // The inspector shows the counts behind the rate.
    click(
        &client,
        &format!("[data-testid=metric-node][data-touchpoint='{NAMED}']"),
    )
    .await;
    wait_for(&client, "[data-testid=inspector]", 1).await;
    let dropped = texts(&client, "[data-testid=metric-dropoff-value]")
        .await
        .concat();
    assert_eq!(digits(&dropped), node.dropoff);
    wait_for(&client, "[data-testid=histogram]", 1).await;
    screenshot(&client, "e2e-analyze-inspector.png").await;

    // Contract v2: a goal counts completions, never drop-off or stalls.
    let goal = all
        .nodes
        .iter()
        .find(|n| n.goal && n.last_here > 0)
        .unwrap();
    assert_eq!(
        (goal.dropoff, goal.stalled_now, goal.completed_here),
        (0, 0, goal.last_here)
    );
    open_inspector(&client, &goal.touchpoint).await;
    let completed = texts(&client, "[data-testid=metric-completed_here-value]")
        .await
        .concat();
    assert_eq!(digits(&completed), goal.completed_here);
    let dropped_at_goal = texts(&client, "[data-testid=metric-dropoff-value]")
        .await
        .concat();
    assert_eq!(digits(&dropped_at_goal), 0);
    wait_for(&client, "[data-testid=tab-completed]", 1).await;
    assert!(count(&client, "[data-testid=tab-dropped]").await == 0);
    screenshot(&client, "e2e-analyze-goal.png").await;
    open_inspector(&client, NAMED).await;

    // A date range set in the UI gives the numbers of `percorso report --from --to`.
    set_value(&client, "filter-from", "2026-05-01").await;
    set_value(&client, "filter-to", "2026-07-31").await;
    let ranged = engine_report(
        &workspace,
        &Params {
            // The UI's "from 1 May to 31 July inclusive" is `--from 2026-05-01 --to 2026-08-01`.
            from_ms: Some(day_ms("2026-05-01")),
            to_ms: Some(day_ms("2026-08-01")),
            ..Params::default()
        },
    );
    let ranged_node = ranged.nodes.iter().find(|n| n.touchpoint == NAMED).unwrap();
    let ranged_rate = ranged_node.dropoff_rate.unwrap();
    assert!(
        (ranged_rate - rate).abs() > 0.1,
        "the range changes the number"
    );
    wait_for_rate(&client, NAMED, ranged_rate).await;
    let reached_here = texts(&client, "[data-testid=metric-customers-value]")
        .await
        .concat();
    assert_eq!(digits(&reached_here), ranged_node.customers);

    // The customers dropped here: open one's path on the map.
    click(&client, "[data-testid=tab-dropped]").await;
    wait_for(&client, "[data-testid=customer-row]", 1).await;
    let total = client
        .find(Locator::Css("[data-testid=customer-table]"))
        .await
        .unwrap()
        .attr("data-total")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(total.parse::<u64>().unwrap(), ranged_node.dropoff);
    let row = client
        .find(Locator::Css("[data-testid=customer-row]"))
        .await
        .unwrap();
    let customer = row.attr("data-customer").await.unwrap().unwrap();
    // The row may be below the panel's fold; scroll it into view as a user would.
    client
        .execute(
            "const row = document.querySelector('[data-testid=customer-row]'); row.scrollIntoView(); row.click();",
            vec![],
        )
        .await
        .unwrap();
    wait_for(&client, "[data-testid=path-step]", 1).await;
    let path = Analysis::from_workspace(&Workspace::open(&workspace).unwrap(), None)
        .unwrap()
        .customer_path(&customer)
        .unwrap();
    wait_for(&client, "[data-testid=path-status]", 1).await;
    let steps = texts(&client, "[data-testid=path-step]").await;
    assert_eq!(
        steps.len(),
        path.events.len(),
        "one step per event of {customer}"
    );
    let status = client
        .find(Locator::Css("[data-testid=path-status]"))
        .await
        .unwrap()
        .attr("data-status")
        .await
        .unwrap();
    assert_eq!(status.as_deref(), Some("dropped"));
    wait_for(&client, "[data-testid=path-mark]", 1).await;
    screenshot(&client, "e2e-analyze-path.png").await;

    // Compare two segments: the difference B − A on every touchpoint, and both funnels.
    click(&client, "[data-testid=path-close]").await;
    click(&client, "[data-testid=inspector-close]").await;
    click(&client, "[data-testid=filter-reset]").await;
    wait_for_rate(&client, NAMED, rate).await;
    set_value(&client, "filter-segment", "region\u{0}North").await;
    click(&client, "[data-testid=compare-toggle]").await;
    set_value(&client, "compare-segment", "region\u{0}South").await;
    let north = engine_report(&workspace, &segment("North"));
    let south = engine_report(&workspace, &segment("South"));
    let rate_of = |r: &Report| {
        r.nodes
            .iter()
            .find(|n| n.touchpoint == NAMED)
            .unwrap()
            .dropoff_rate
            .unwrap()
    };
    let difference = rate_of(&south) - rate_of(&north);
    let rate_north = rate_of(&north);
    wait_for_difference(&client, NAMED, difference).await;
    wait_for(&client, ".funnel-tag-b", retail::STAGES.len()).await;
    screenshot(&client, "e2e-compare.png").await;

    // Compare two date ranges of the same segment: B is North from 1 May to 31 July.
    set_value(&client, "compare-kind", "dates").await;
    set_value(&client, "compare-from", "2026-05-01").await;
    set_value(&client, "compare-to", "2026-07-31").await;
    let north_summer = engine_report(
        &workspace,
        &Params {
            from_ms: Some(day_ms("2026-05-01")),
            to_ms: Some(day_ms("2026-08-01")),
            ..segment("North")
        },
    );
    wait_for_difference(&client, NAMED, rate_of(&north_summer) - rate_north).await;

    // In Italian, the same numbers are written the Italian way.
    client
        .execute(
            "const select = Array.from(document.querySelectorAll('.top-bar select')).find(s => Array.from(s.options).some(o => o.value === 'it'));
             Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, 'it');
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "[data-testid=compare-toggle]").await;
    let italian = format!("{rate_north:.1}%").replace('.', ",");
    let deadline = Instant::now() + Duration::from_secs(30);
    while headline(&client, NAMED).await != italian {
        assert!(
            Instant::now() < deadline,
            "no Italian {italian}: {:?}",
            headline(&client, NAMED).await
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    screenshot(&client, "e2e-analyze-it.png").await;

    // Customer search by id: the path, status and stages.
    click(&client, "[data-testid=filter-reset]").await;
    // The reset reloads the report; search once it is in (no "Computing…"), so that nothing the
    // reload re-renders races the typed id.
    settled(&client).await;
    set_value(&client, "customer-search", "C0000042").await;
    let typed = client
        .execute(
            "return document.querySelector('[data-testid=customer-search]').value;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(typed, json!("C0000042"));
    click(&client, "[data-testid=customer-search-go]").await;
    wait_for_or_show(
        &client,
        "[data-testid=path-status]",
        ".analyze-panel, aside",
    )
    .await;
    let shown = texts(&client, "[data-testid=path-customer]").await.concat();
    assert_eq!(shown, "C0000042");
    let engine = Analysis::from_workspace(&Workspace::open(&workspace).unwrap(), None).unwrap();
    let expected = engine.customer_path("C0000042").unwrap();
    let steps = texts(&client, "[data-testid=path-step]").await;
    assert_eq!(steps.len(), expected.events.len());
    let row = engine
        .customer(&engine.evaluate(&Params::default()).unwrap(), "C0000042")
        .unwrap()
        .unwrap();
    let status = client
        .find(Locator::Css("[data-testid=path-status]"))
        .await
        .unwrap()
        .attr("data-status")
        .await
        .unwrap();
    assert_eq!(status.as_deref(), Some(row.status.as_str()));
    let current = texts(&client, "[data-testid=path-current]").await.concat();
    let furthest = texts(&client, "[data-testid=path-furthest]").await.concat();
    assert_eq!(current, row.current_stage.unwrap_or_else(|| "—".into()));
    assert_eq!(furthest, row.furthest_stage.unwrap_or_else(|| "—".into()));
}

/// Clicks `touchpoint` on the map and waits until the inspector shows it.
pub(crate) async fn open_inspector(client: &Client, touchpoint: &str) {
    click(
        client,
        &format!("[data-testid=metric-node][data-touchpoint='{touchpoint}']"),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let name = texts(client, "[data-testid=inspector-name]").await.concat();
        if name == touchpoint {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the inspector shows {name:?}, not {touchpoint:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn segment(region: &str) -> Params {
    Params {
        segments: vec![Segment {
            attribute: "region".into(),
            value: region.into(),
        }],
        ..Params::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn analyze_shows_the_engines_numbers_filters_them_opens_a_path_and_compares() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, move |client| {
        analyze_matches_the_engine(client, path)
    })
    .await;
}

/// Milliseconds of midnight UTC of a YYYY-MM-DD day.
fn day_ms(day: &str) -> i64 {
    let parts: Vec<i64> = day.split('-').map(|p| p.parse().unwrap()).collect();
    let (y, m, d) = (parts[0], parts[1], parts[2]);
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400_000
}

async fn brushing_sets_the_range(client: Client, workspace: std::path::PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    wait_for(&client, "[data-testid=timeline]", 1).await;
    drag_across(&client, "[data-testid=timeline]", &[-40.0, 20.0, 60.0]).await;
    let (from, to) = brushed_dates(&client).await;
    let ranged = engine_report(
        &workspace,
        &Params {
            from_ms: Some(day_ms(&from)),
            to_ms: Some(day_ms(&to) + 86_400_000),
            ..Params::default()
        },
    );
    let node = ranged.nodes.iter().find(|n| n.touchpoint == NAMED).unwrap();
    wait_for_rate(&client, NAMED, node.dropoff_rate.unwrap()).await;
    screenshot(&client, "e2e-analyze-brushed.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn brushing_the_timeline_sets_the_date_range_the_numbers_follow() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, move |client| {
        brushing_sets_the_range(client, path)
    })
    .await;
}

/// How many events the large-workspace check generates: 1M by default, `PERCORSO_E2E_EVENTS` to
/// change it (`scripts/bench-analyze.sh` runs it at 10M).
fn large_event_count() -> u64 {
    std::env::var("PERCORSO_E2E_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

/// A demo workspace of about `events` events at `path`, written once: the generator makes about
/// 6.8 events per customer.
fn large_workspace(path: &std::path::Path, events: u64) {
    if path.exists() {
        return;
    }
    let config = percorso::demo::DemoConfig {
        customers: (events * 1000 / 6_813).max(1),
        ..percorso::demo::DemoConfig::default()
    };
    percorso::demo::create(path, true, &config).unwrap();
}

/// Opens a large workspace in Analyze and prints how long the numbers take to appear, beside
/// the engine's own time for the same report in this process (a measurement, not a timed
/// assertion: the check is that the numbers shown are the engine's).
#[tokio::test(flavor = "multi_thread")]
async fn a_large_workspace_shows_its_numbers_in_analyze() {
    let home = tempfile::tempdir().unwrap();
    let workspace = std::env::var_os("PERCORSO_E2E_LARGE_WORKSPACE").map_or_else(
        || home.path().join("large.percorso"),
        std::path::PathBuf::from,
    );
    let started = Instant::now();
    large_workspace(&workspace, large_event_count());
    eprintln!(
        "large workspace: {} written in {:.1} s",
        workspace.display(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let expected = engine_report(&workspace, &Params::default());
    let engine_s = started.elapsed().as_secs_f64();
    let path = workspace.clone();
    let launched = Instant::now();
    with_app(&workspace, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
        let map_s = launched.elapsed().as_secs_f64();
        // As soon as the map is there, as an impatient user would: the analysis that Design
        // starts in the background has had no time of its own.
        let clicked = Instant::now();
        click(&client, "[data-testid=mode-analyze]").await;
        let deadline = Instant::now() + Duration::from_secs(300);
        // The steps the loading strip showed on the way, each screenshotted once.
        let mut steps: Vec<String> = Vec::new();
        loop {
            let shown = texts(&client, "[data-testid=overview-customers]")
                .await
                .concat();
            if !shown.is_empty() && digits(&shown) == expected.customers {
                break;
            }
            for step in attributes(&client, "[data-testid=analysis-progress]", "data-step").await {
                if !steps.contains(&step) {
                    let said = texts(&client, "[data-testid=analysis-progress]")
                        .await
                        .concat();
                    eprintln!(
                        "analyze progress at {:.2} s: {step}: {said}",
                        clicked.elapsed().as_secs_f64()
                    );
                    screenshot(&client, &format!("e2e-analyze-large-{step}.png")).await;
                    steps.push(step);
                }
            }
            assert!(
                Instant::now() < deadline,
                "Analyze shows {shown:?} customers after 300 s; the engine says {}",
                expected.customers
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let app_s = clicked.elapsed().as_secs_f64();
        let launch_s = launched.elapsed().as_secs_f64();
        shows_engine_rate(&client, &expected).await;
        eprintln!(
            "analyze timing: {} events, {} customers in {}: the map shown {map_s:.2} s after the \
             app was launched; numbers shown {app_s:.2} s after the click, {launch_s:.2} s after \
             the launch; the engine's report in the test process (open, load, sort, scan) \
             {engine_s:.2} s",
            expected.events,
            expected.customers,
            path.display()
        );
        screenshot(&client, "e2e-analyze-large.png").await;
    })
    .await;
}

/// A long loading is cancelled from its strip: the map keeps no numbers and says so, and Compute
/// again loads it whole, with the engine's numbers. The app pauses after each chunk of events it
/// reads (`PERCORSO_E2E_LOAD_PAUSE_MS`, honoured by debug builds only), so that a million events
/// load for as long as fifty million do and the Cancel can be clicked mid-way on any machine.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_loading_is_cancelled_from_its_strip_and_computed_again() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("large.percorso");
    large_workspace(&workspace, 1_000_000);
    let expected = engine_report(&workspace, &Params::default());
    let env = [("PERCORSO_E2E_LOAD_PAUSE_MS", "400")];
    with_app_env(&workspace, &env, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
        click(&client, "[data-testid=mode-analyze]").await;
        wait_for(
            &client,
            "[data-testid=analysis-progress][data-step=reading]",
            1,
        )
        .await;
        let said = texts(&client, "[data-testid=analysis-progress]")
            .await
            .concat();
        screenshot(&client, "e2e-analyze-loading-cancel.png").await;
        click(&client, "[data-testid=analysis-cancel]").await;

        // Stopped mid-way: the note says no number was computed, and none is on the map.
        wait_for(&client, "[data-testid=analysis-cancelled]", 1).await;
        let note = texts(&client, "[data-testid=analysis-cancelled]")
            .await
            .concat();
        assert!(note.contains("Cancelled"), "{note}");
        assert_eq!(count(&client, "[data-testid=analysis-progress]").await, 0);
        assert_eq!(count(&client, "[data-testid=overview-customers]").await, 0);
        assert_eq!(count(&client, "[data-testid=metric-node]").await, 0);
        // The Cancel came while the events were being read ("… of 1 million"), not after.
        assert!(said.contains("Reading"), "{said}");
        screenshot(&client, "e2e-analyze-cancelled.png").await;
        // Nothing asked before the cancel starts the loading again behind the note.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(count(&client, "[data-testid=analysis-progress]").await, 0);

        click(&client, "[data-testid=analysis-retry]").await;
        wait_for(&client, "[data-testid=analysis-progress]", 1).await;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let shown = texts(&client, "[data-testid=overview-customers]")
                .await
                .concat();
            if !shown.is_empty() {
                assert_eq!(digits(&shown), expected.customers, "{shown}");
                break;
            }
            assert!(
                Instant::now() < deadline,
                "no numbers 120 s after Compute again"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(count(&client, "[data-testid=analysis-cancelled]").await, 0);
        shows_engine_rate(&client, &expected).await;
        // The filters' channels and timeline, asked before the cancel, are asked again too.
        wait_for(&client, "[data-testid=filter-channel] option", 2).await;
        wait_for(&client, "[data-testid=timeline]", 1).await;
        screenshot(&client, "e2e-analyze-computed-again.png").await;
    })
    .await;
}
