//! Present mode: through every stage with the keys a clicker sends, then the replay.

use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Client;
use percorso::analytics::{Analysis, Params};
use percorso::demo::retail;
use percorso::Workspace;
use serde_json::json;

use crate::{
    checked_cut, click, count, one_text, press, screenshot, texts, wait_for, with_app,
    PROJECTOR_SIZES, SHORTEST_NAME_JS,
};

fn number(text: &str) -> u64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

async fn counter_total(client: &Client) -> u64 {
    texts(client, "[data-testid=replay-counter]")
        .await
        .iter()
        .map(|t| number(t))
        .sum()
}

/// What a projector shows of the slide on screen: the smallest number (its computed font size,
/// CSS px), the fewest characters of a touchpoint name left visible (a shorter name counts whole),
/// and the labels that overlap another one.
#[derive(Debug, serde::Deserialize)]
struct Projected {
    smallest_number_px: f64,
    shortest_name: u64,
    shortest_of: String,
    overlapping: Vec<String>,
}

async fn projected(client: &Client, numbers: &str, names: &str, labels: &str) -> Projected {
    tokio::time::sleep(Duration::from_millis(400)).await;
    let value = client
        .execute(
            &[
                SHORTEST_NAME_JS,
                "const [numbers, names, labels] = arguments;
             const px = [...document.querySelectorAll(numbers)].map(e => parseFloat(getComputedStyle(e).fontSize));
             const [shortest, of] = shortestName(names);
             const boxes = [...document.querySelectorAll(labels)].map(e => [e.textContent, e.getBoundingClientRect()]);
             const overlapping = [];
             for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
               const [a, p] = boxes[i], [b, q] = boxes[j];
               if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
                 overlapping.push(a + ' / ' + b);
             }
             return { smallest_number_px: Math.min(...px), shortest_name: Number.isFinite(shortest) ? shortest : 999,
                      shortest_of: of, overlapping };",
            ]
            .concat(),
            vec![json!(numbers), json!(names), json!(labels)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// Checks and prints what a projector shows of the slide on screen at 1280×720 and 1920×1080,
/// with `shot` taken at each size; the window is put back after.
async fn check_projected(
    client: &Client,
    what: &str,
    numbers: &str,
    names: &str,
    labels: &str,
    shot: &str,
) {
    let (width, height) = client.get_window_size().await.unwrap();
    for (w, h) in PROJECTOR_SIZES {
        client.set_window_size(w, h).await.unwrap();
        let seen = projected(client, numbers, names, labels).await;
        let cut = checked_cut(
            &format!("{what} at {w}×{h}"),
            seen.shortest_name,
            &seen.shortest_of,
        );
        eprintln!(
            "legibility Present {what} at {w}×{h}: smallest number {:.1} px, {cut}, {} \
             overlapping labels",
            seen.smallest_number_px,
            seen.overlapping.len()
        );
        assert!(
            seen.smallest_number_px >= 16.0,
            "{what} at {w}×{h}: numbers of {:.1} px, below 16",
            seen.smallest_number_px
        );
        assert!(
            seen.overlapping.is_empty(),
            "{what} at {w}×{h}: labels overlap: {:?}",
            seen.overlapping
        );
        screenshot(client, &format!("{shot}-{w}x{h}.png")).await;
    }
    client
        .set_window_size(width as u32, height as u32)
        .await
        .unwrap();
}

async fn present_every_stage_and_replay(client: Client, workspace: std::path::PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-present]").await;
    wait_for(&client, "[data-testid=present-title]", 1).await;

    // The stage funnel the slides must show, from the engine on the same file.
    let ws = Workspace::open(&workspace).unwrap();
    let report = Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(&Params::default())
        .unwrap();

    // Right arrow and PageDown both move on, one stage per press.
    for (i, stage) in retail::STAGES.iter().enumerate() {
        press(
            &client,
            if i % 2 == 0 {
                Key::Right
            } else {
                Key::PageDown
            },
        )
        .await;
        wait_for(&client, "[data-testid=present-stage]", 1).await;
        assert_eq!(
            one_text(&client, "[data-testid=present-stage]").await,
            *stage
        );
        let figures = texts(
            &client,
            "[data-testid=present-headline] .present-figure-value",
        )
        .await;
        let funnel = report.stages.iter().find(|s| s.stage == *stage).unwrap();
        assert_eq!(number(&figures[0]), funnel.reached, "reached, {stage}");
        assert_eq!(number(&figures[2]), funnel.dropped, "dropped, {stage}");
        // Every figure once: the stage's numbers are not repeated.
        let labels = texts(
            &client,
            "[data-testid=present-headline] .present-figure-label",
        )
        .await;
        let distinct: std::collections::HashSet<&String> = labels.iter().collect();
        assert_eq!(distinct.len(), labels.len(), "figures: {labels:?}");
        // The slide fits the window, with the demo's emotions, pain points and opportunities on it.
        let overflow = client
            .execute(
                "const s = document.querySelector('.present-slide');
                 const r = s.getBoundingClientRect();
                 return [s.scrollHeight - s.clientHeight, r.top, r.bottom - window.innerHeight];",
                vec![],
            )
            .await
            .unwrap();
        let overflow: (f64, f64, f64) = serde_json::from_value(overflow).unwrap();
        assert!(
            overflow.0 <= 1.0 && overflow.1 >= -1.0 && overflow.2 <= 1.0,
            "the slide of {stage} overflows the window: {overflow:?}"
        );
        if i == 1 {
            assert!(!texts(&client, "[data-testid=present-emotion]")
                .await
                .is_empty());
            assert!(!texts(&client, "[data-testid=present-cx]").await.is_empty());
        }
        if i == 1 {
            screenshot(&client, "e2e-present-stage-2.png").await;
            check_projected(
                &client,
                "stage slide",
                ".present-figure-value, .present-card-numbers dd",
                ".present-card-name",
                ".present-card-head",
                "e2e-present-projected-stage",
            )
            .await;
        }
        if i == 4 {
            screenshot(&client, "e2e-present-stage-5.png").await;
        }
    }
    // PageUp goes back.
    press(&client, Key::PageUp).await;
    assert_eq!(
        one_text(&client, "[data-testid=present-stage]").await,
        retail::STAGES[4]
    );

    // The last step is the replay: play it for 3 s and the counters move.
    press(&client, Key::End).await;
    wait_for(&client, "[data-testid=replay-counter]", retail::SPOTS.len()).await;
    let before = counter_total(&client).await;
    let date_before = one_text(&client, "[data-testid=replay-date]").await;
    click(&client, "[data-testid=replay-play]").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = counter_total(&client).await;
    // How smooth it was: frames drawn in those 3 s and the mean time to draw one (printed, not
    // asserted: a timing depends on the machine).
    let stats = client
        .execute(
            "const r = document.querySelector('[data-testid=replay]'); return [Number(r.dataset.frames || 0), Number(r.dataset.drawMs || 0)];",
            vec![],
        )
        .await
        .unwrap();
    let (frames, draw_ms): (f64, f64) = serde_json::from_value(stats).unwrap();
    eprintln!(
        "replay ({}): {frames} frames in 3 s ({:.0} fps), {:.1} ms to draw a frame",
        retail_dots(&client).await,
        frames / 3.0,
        draw_ms / frames.max(1.0)
    );
    assert!(frames > 0.0, "the replay drew no frame");
    assert!(after > before, "counters went from {before} to {after}");
    assert_ne!(
        one_text(&client, "[data-testid=replay-date]").await,
        date_before
    );
    screenshot(&client, "e2e-present-replay.png").await;
    click(&client, "[data-testid=replay-play]").await;
    check_projected(
        &client,
        "replay",
        ".replay-count",
        ".replay-name",
        ".replay-node",
        "e2e-present-projected-replay",
    )
    .await;

    press(&client, Key::Escape).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while count(&client, "[data-testid=present]").await > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "Esc did not leave Present"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn present_walks_every_stage_with_the_keyboard_and_replays_the_customers() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, |client| async move {
        present_every_stage_and_replay(client, path).await
    })
    .await;
}

/// The number of customers the replay draws, as its caption says.
async fn retail_dots(client: &Client) -> String {
    texts(client, ".replay-sample").await.concat()
}
