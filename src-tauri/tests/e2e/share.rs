//! The facilitator's day, on the demo: a story made of saved views and told in Present, and the
//! map shared as one interactive HTML file that a real browser engine (this WebKitGTK window)
//! opens with no network.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use percorso::analytics::{Params, Report, Segment};
use percorso::demo::{retail, DemoConfig};
use percorso::edit::Edit;
use percorso::journey::{Journey, StorySlide, ViewId};
use percorso::view::ViewState;
use percorso::Workspace;

use crate::analyze::{digits, engine_report, open_inspector, percent};
use crate::{
    attributes, choose, click, one_text, press, screenshot, set_value, texts, wait_for, with_app,
    PROJECTOR_SIZES,
};

const STORY: &str = "Quarterly review";
const NOTE: &str = "Checkout engagement <b>fell</b> after the redesign";

fn journey_of(workspace: &Path) -> Journey {
    let ws = Workspace::open(workspace).unwrap();
    ws.journey(ws.journeys().unwrap()[0].id).unwrap()
}

/// Polls the workspace file until `done` holds of its journey.
async fn stored(workspace: &Path, what: &str, done: impl Fn(&Journey) -> bool) -> Journey {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let journey = journey_of(workspace);
        if done(&journey) {
            return journey;
        }
        assert!(Instant::now() < deadline, "never stored: {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn save_view(client: &Client, name: &str, count: usize) {
    click(client, "[data-testid=view-save]").await;
    wait_for(client, "[data-testid=view-name-input]", 1).await;
    set_value(client, "view-name-input", name).await;
    click(client, "[data-testid=view-save-confirm]").await;
    wait_for(client, "[data-testid=view-row]", count).await;
}

/// The node of `touchpoint` (by name) in `report`.
fn node<'a>(report: &'a Report, touchpoint: &str) -> &'a percorso::analytics::Node {
    report
        .nodes
        .iter()
        .find(|n| n.touchpoint == touchpoint)
        .unwrap_or_else(|| panic!("no node {touchpoint}"))
}

async fn tell_a_story(client: Client, workspace: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    wait_for(&client, "[data-testid=views-panel]", 1).await;

    // Two views: the whole log by drop-off, then engagement with a touchpoint's inspector open.
    save_view(&client, "Where they leave", 1).await;
    let checkout = retail::SPOTS[retail::SPOTS.len() / 2].name;
    set_value(&client, "metric-select", "engagement_rate").await;
    open_inspector(&client, checkout).await;
    save_view(&client, "Checkout engagement", 2).await;
    let views = stored(&workspace, "two views", |j| j.views.len() == 2)
        .await
        .views;
    let (leave, engage) = (views[0].id, views[1].id);
    assert!(
        views[1].state.selected.is_some(),
        "the inspector's touchpoint is saved"
    );

    // A new story starts with the views as its slides.
    click(&client, "[data-testid=story-new]").await;
    wait_for(&client, "[data-testid=story-title-input]", 1).await;
    set_value(&client, "story-title-input", STORY).await;
    client
        .find(Locator::Css("[data-testid=story-title-input]"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    wait_for(&client, "[data-testid=story-item]", 1).await;
    let story = stored(&workspace, "the story", |j| j.stories.len() == 1)
        .await
        .stories[0]
        .clone();
    assert_eq!(story.title, STORY);
    assert_eq!(
        story.slides.iter().map(|s| s.view).collect::<Vec<_>>(),
        [leave, engage]
    );

    // A note on the second slide (sent when the field is left), then that slide first.
    if texts(&client, "[data-testid=story-slide]").await.is_empty() {
        click(&client, "[data-testid=story-open]").await;
    }
    wait_for(&client, "[data-testid=story-slide]", 2).await;
    let notes = client
        .find_all(Locator::Css("[data-testid=story-slide-note]"))
        .await
        .unwrap();
    notes[1].send_keys(NOTE).await.unwrap();
    notes[1].send_keys(&Key::Tab.to_string()).await.unwrap();
    stored(&workspace, "the note", |j| {
        j.stories[0].slides.get(1).is_some_and(|s| s.note == NOTE)
    })
    .await;
    let ups = client
        .find_all(Locator::Css("[data-testid=story-slide-up]"))
        .await
        .unwrap();
    ups[1].click().await.unwrap();
    let story = stored(&workspace, "the new order", |j| {
        j.stories[0].slides.first().map(|s| s.view) == Some(engage)
    })
    .await
    .stories[0]
        .clone();
    assert_eq!(story.slides[0].note, NOTE, "the note moved with its slide");
    assert_eq!(
        journey_of(&workspace).views.len(),
        2,
        "a story does not copy views"
    );
    screenshot(&client, "e2e-story-editor.png").await;

    // Present tells the story: the title slide, then the slides with their view's numbers.
    click(&client, "[data-testid=story-present]").await;
    wait_for(&client, "[data-testid=present-title]", 1).await;
    let shown = one_text(&client, "[data-testid=present-title]").await;
    assert!(shown.contains(STORY), "title slide: {shown:?}");
    press(&client, Key::Right).await;
    wait_for(&client, "[data-testid=present-slide]", 1).await;
    assert_eq!(
        attributes(&client, "[data-testid=present-slide]", "data-view").await,
        [engage.0.to_string()]
    );
    assert_eq!(
        one_text(&client, "[data-testid=present-slide-title]").await,
        "Checkout engagement"
    );
    assert_eq!(
        one_text(&client, "[data-testid=present-slide-note]").await,
        NOTE,
        "the note is text"
    );
    let markup = client
        .execute(
            "return document.querySelectorAll('[data-testid=present-slide-note] b').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(markup.as_u64(), Some(0));
    wait_for_picture(&client).await;

    // The selected touchpoint's figures are the engine's for that view's filters.
    let view = journey_of(&workspace)
        .views
        .into_iter()
        .find(|v| v.id == engage)
        .unwrap();
    let report = engine_report(&workspace, &view.state.params);
    let n = node(&report, checkout);
    let figure = |field: &str| format!("[data-testid=present-slide-figure][data-field={field}]");
    wait_for(&client, &figure("customers"), 1).await;
    assert_eq!(
        digits(&one_text(&client, &figure("customers")).await),
        n.customers
    );
    let rate = percent(&one_text(&client, &figure("engagement_rate")).await);
    assert!(
        (rate - n.engagement_rate.unwrap()).abs() < 0.051,
        "{rate} vs {:?}",
        n.engagement_rate
    );
    screenshot(&client, "e2e-present-story.png").await;

    // The next slide is the other view's, then back to the first.
    press(&client, Key::Right).await;
    shows_slide(&client, leave).await;
    screenshot(&client, "e2e-present-story-2.png").await;
    press(&client, Key::Left).await;
    shows_slide(&client, engage).await;
    // Last: resizing a full-screen window can leave WebKitWebDriver unable to send keys for a
    // moment, so nothing is pressed after it.
    check_slide_legibility(&client).await;
}

/// Waits until Present shows the slide of `view`, its map loaded.
async fn shows_slide(client: &Client, view: ViewId) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while attributes(client, "[data-testid=present-slide]", "data-view").await
        != [view.0.to_string()]
    {
        assert!(
            Instant::now() < deadline,
            "the slide of view {view} never came"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_for_picture(client).await;
}

/// The size on screen of the slide map's card numbers (26 units in a focused drawing) and names
/// (14 units), from the picture's scale as `object-fit: contain` draws it.
const SLIDE_SCALE_JS: &str = r#"
    const img = document.querySelector('[data-testid=present-slide-map]');
    const box = img.getBoundingClientRect();
    // The drawing's own size, from its svg element (an SVG image's naturalWidth is not it).
    const svg = decodeURIComponent(img.src);
    const [, w, h] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const scale = Math.min(box.width / Number(w), box.height / Number(h));
    const figures = [...document.querySelectorAll('[data-testid=present-slide-figure]')]
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return [26 * scale, 14 * scale, Math.min(...figures)];"#;

/// Measures the focused slide at 1280×720 and 1920×1080: the map's numbers and the figures'
/// sizes on screen, printed and held to at least 16 px.
async fn check_slide_legibility(client: &Client) {
    let (width, height) = client.get_window_size().await.unwrap();
    for (w, h) in PROJECTOR_SIZES {
        client.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        wait_for_picture(client).await;
        let seen = client.execute(SLIDE_SCALE_JS, vec![]).await.unwrap();
        let px: Vec<f64> = seen
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        eprintln!(
            "legibility Present story slide at {w}×{h}: map numbers {:.1} px, map names {:.1} px, \
             figures {:.1} px",
            px[0], px[1], px[2]
        );
        assert!(px[0] >= 16.0, "map numbers of {:.1} px at {w}×{h}", px[0]);
        assert!(px[2] >= 16.0, "figures of {:.1} px at {w}×{h}", px[2]);
        screenshot(client, &format!("e2e-present-story-{w}x{h}.png")).await;
    }
    client
        .set_window_size(width as u32, height as u32)
        .await
        .unwrap();
}

/// Waits until the slide's map picture has loaded and has a size.
async fn wait_for_picture(client: &Client) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let loaded = client
            .execute(
                "const img = document.querySelector('[data-testid=present-slide-map]');
                 return !!img && img.complete && img.naturalWidth > 0;",
                vec![],
            )
            .await
            .unwrap();
        if loaded.as_bool() == Some(true) {
            return;
        }
        assert!(Instant::now() < deadline, "the slide's map never showed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_of_saved_views_is_made_in_analyze_and_told_in_present() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    demo_without_views(&workspace);
    let path = workspace.clone();
    with_app(&workspace, move |client| tell_a_story(client, path)).await;
}

/// The demo without its saved views and story, for a story made from nothing.
fn demo_without_views(path: &Path) {
    let mut ws = percorso::demo::create(path, false, &DemoConfig::default()).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    let journey = ws.journey(id).unwrap();
    assert!(
        !journey.stories.is_empty(),
        "the demo has a story to remove"
    );
    for story in &journey.stories {
        ws.apply(id, &Edit::DeleteStory { story: story.id })
            .unwrap();
    }
    for view in &journey.views {
        ws.apply(id, &Edit::DeleteView { view: view.id }).unwrap();
    }
}

fn north() -> Params {
    Params {
        segments: vec![Segment {
            attribute: "region".into(),
            value: "North".into(),
        }],
        ..Params::default()
    }
}

/// The demo with two more views (the whole log; the North region) and a story of both.
fn demo_with_a_story(path: &Path) -> [ViewId; 2] {
    let mut ws = percorso::demo::create(path, false, &DemoConfig::default()).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    let mut views = Vec::new();
    for (name, params) in [("Everyone", Params::default()), ("North", north())] {
        let state = ViewState {
            params,
            metric: "dropoff_rate".into(),
            ..ViewState::default()
        };
        let name = name.into();
        let done = ws.apply(id, &Edit::SaveView { name, state }).unwrap();
        views.extend(done.created.views);
    }
    let slides = vec![
        StorySlide {
            view: views[0],
            title: String::new(),
            note: "Where everyone leaves".into(),
        },
        StorySlide {
            view: views[1],
            title: "The North".into(),
            note: NOTE.into(),
        },
    ];
    let title = STORY.into();
    ws.apply(id, &Edit::SaveStory { title, slides }).unwrap();
    [views[0], views[1]]
}

/// The figure `field` in inspector `index` of the exported page.
async fn page_figure(client: &Client, index: usize, field: &str) -> String {
    one_text(
        client,
        &format!("[data-inspector='{index}'] [data-field={field}] dd"),
    )
    .await
}

/// Clicks `touchpoint` on map `index` of the page and checks its inspector against `report`.
async fn check_inspector(client: &Client, index: usize, id: i64, report: &Report) {
    // The card's outline: WebDriver clicks elements with a box, and an SVG group has none.
    click(
        client,
        &format!("[data-map='{index}'] [data-touchpoint='{id}'] > rect"),
    )
    .await;
    wait_for(client, &format!("[data-inspector='{index}'] dl"), 1).await;
    let n = report.nodes.iter().find(|n| n.touchpoint_id == id).unwrap();
    let name = one_text(client, &format!("[data-inspector='{index}'] h2")).await;
    assert_eq!(name, n.touchpoint);
    assert_eq!(
        digits(&page_figure(client, index, "customers").await),
        n.customers
    );
    let shown = percent(&page_figure(client, index, "dropoff_rate").await);
    let expected = n.dropoff_rate.unwrap();
    assert!((shown - expected).abs() < 0.051, "{shown} vs {expected}");
    eprintln!(
        "html export: map {index}, {}: {} customers, drop-off {shown}%",
        n.touchpoint, n.customers
    );
}

async fn share_as_html(client: Client, workspace: PathBuf, out: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    let stories = journey_of(&workspace).stories;
    assert!(stories.len() > 1, "the demo's story and this one");
    let story = stories.iter().find(|s| s.title == STORY).unwrap().id;

    click(&client, "[data-testid=open-export]").await;
    wait_for(&client, "[data-testid=export-dialog]", 1).await;
    click(&client, "[data-testid=export-kind-html]").await;
    wait_for(&client, "[data-testid=export-story]", 1).await;
    choose(&client, "export-story", &story.0.to_string()).await;
    let field = client
        .find(Locator::Css("[data-testid=export-path]"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys(out.to_str().unwrap()).await.unwrap();
    click(&client, "[data-testid=export-run]").await;
    let deadline = Instant::now() + Duration::from_secs(60);
    let bytes = loop {
        let said = attributes(&client, "[data-testid=export-message]", "data-bytes").await;
        if let Some(b) = said.first().filter(|b| !b.is_empty()) {
            break b.parse::<u64>().unwrap();
        }
        assert!(Instant::now() < deadline, "no confirmation of the export");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let message = one_text(&client, "[data-testid=export-message]").await;
    assert!(message.contains(out.to_str().unwrap()), "{message}");
    assert!(
        message.contains("kB") || message.contains("MB"),
        "size stated: {message}"
    );
    screenshot(&client, "e2e-html-export-dialog.png").await;
    let size = std::fs::metadata(&out).unwrap().len();
    assert_eq!(size, bytes, "the dialog states the file's size");
    assert!(size < 2_000_000, "the demo's page is {size} bytes");
    eprintln!("html export: {size} bytes, stated as {message:?}");

    // Open it in this browser engine as a file: no request leaves the page.
    client
        .goto(&format!("file://{}", out.display()))
        .await
        .unwrap();
    wait_for(
        &client,
        "[data-map='0'] [data-touchpoint]",
        retail::SPOTS.len(),
    )
    .await;
    let requests = client
        .execute(
            "return performance.getEntriesByType('resource').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(requests.as_u64(), Some(0), "the page fetched something");
    let scripts = client
        .execute(
            "return [...document.scripts].filter(s => s.src || s.type !== 'application/json').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        scripts.as_u64(),
        Some(1),
        "one inline script, no external one"
    );

    // Hover names a touchpoint; a click shows the engine's figures for the whole log.
    let everyone = engine_report(&workspace, &Params::default());
    let busiest = everyone.nodes.iter().max_by_key(|n| n.customers).unwrap();
    client
        .execute(
            "const g = document.querySelector(`[data-map='0'] [data-touchpoint='${arguments[0]}']`);
             const r = g.getBoundingClientRect();
             g.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: r.x + 5, clientY: r.y + 5}));",
            vec![busiest.touchpoint_id.into()],
        )
        .await
        .unwrap();
    let tip = one_text(&client, "#tip strong").await;
    assert_eq!(tip, busiest.touchpoint);
    check_inspector(&client, 0, busiest.touchpoint_id, &everyone).await;
    screenshot(&client, "e2e-html-export.png").await;

    // The stages, then the story: its second slide is the North's own numbers.
    click(&client, "[data-tab=stages]").await;
    let stages = texts(&client, "#tab-stages .stage h2").await;
    assert_eq!(stages, retail::STAGES);
    screenshot(&client, "e2e-html-export-stages.png").await;
    click(&client, "[data-tab=story]").await;
    click(&client, "[data-step='1']").await;
    let note = one_text(&client, "[data-slide='1'] .note").await;
    assert_eq!(note, NOTE, "the note is text");
    let north_report = engine_report(&workspace, &north());
    let north_busiest = north_report
        .nodes
        .iter()
        .max_by_key(|n| n.customers)
        .unwrap();
    check_inspector(&client, 2, north_busiest.touchpoint_id, &north_report).await;
    assert_ne!(
        north_busiest.customers, busiest.customers,
        "the slide has its own view's numbers"
    );
    screenshot(&client, "e2e-html-export-story.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_is_shared_as_one_html_file_with_its_figures_and_story() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    demo_with_a_story(&workspace);
    let out = home.path().join("journey.html");
    let path = workspace.clone();
    with_app(&workspace, move |client| share_as_html(client, path, out)).await;
}
