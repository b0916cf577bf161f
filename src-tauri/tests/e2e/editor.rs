//! The design editor through the real window: building a journey with the mouse and keyboard,
//! undo and redo by keyboard, a relaunch; hostile names; and a 300-touchpoint map.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use percorso::journey::{
    Channel, Journey, JourneyId, Kind, Stage, StageId, Touchpoint, TouchpointId, Transition,
    TransitionId,
};
use percorso::Workspace;
use serde_json::{json, Value};

use crate::{click, screenshot, texts, wait_for, with_app};

/// Types `text` into whatever has the focus, key by key.
async fn type_text(client: &Client, text: &str) {
    let mut keys = KeyActions::new("keyboard".into());
    for c in text.chars() {
        keys = keys
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    client.perform_actions(keys).await.unwrap();
}

/// Presses `key` with `modifiers` held, as a user does.
async fn chord(client: &Client, modifiers: &[Key], key: char) {
    let mut keys = KeyActions::new("keyboard".into());
    for m in modifiers {
        keys = keys.then(KeyAction::Down { value: (*m).into() });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for m in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up { value: (*m).into() });
    }
    client.perform_actions(keys).await.unwrap();
}

async fn eval(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap()
}

/// Polls `script` (returning a JSON value) until it equals `expected`, or fails with the last.
async fn eventually(client: &Client, script: &str, expected: Value) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = eval(client, script).await;
        if got == expected {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "`{script}` is {got}, expected {expected}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits until the element with this test id has the keyboard focus (the UI focuses it in an
/// effect, just after it appears).
async fn focused(client: &Client, test_id: &str) {
    eventually(
        client,
        "return document.activeElement?.dataset.testid ?? null;",
        json!(test_id),
    )
    .await;
}

const CARD_NAMES: &str =
    "return Array.from(document.querySelectorAll('[data-testid=touchpoint] .touchpoint-name')).map(e => e.textContent.trim()).sort();";
const EDGES: &str = "return document.querySelectorAll('.react-flow__edge').length;";
const CURVE_POINTS: &str =
    "return Number(document.querySelector('[data-testid=emotion-curve]')?.dataset.points ?? -1);";

/// Drags with the real mouse from the centre of `from` to the centre of `to`, in steps.
async fn drag(client: &Client, from: &str, to: &str) {
    let start = client.find(Locator::Css(from)).await.unwrap();
    let end = client.find(Locator::Css(to)).await.unwrap();
    let mut mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: start,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for step in [12.0, 6.0, 0.0] {
        mouse = mouse.then(PointerAction::MoveToElement {
            element: end.clone(),
            duration: Some(Duration::from_millis(120)),
            x: -step,
            y: step,
        });
    }
    mouse = mouse.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    client.perform_actions(mouse).await.unwrap();
}

/// Drags with the real mouse from the centre of `from` to the point `x`, `y` of the window,
/// starting with a small move as a hand does (a first jump of hundreds of pixels starts React
/// Flow's node drag without moving the node).
async fn drag_to(client: &Client, from: &str, x: f64, y: f64) {
    let centre = client
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(from)],
        )
        .await
        .unwrap();
    let (x0, y0) = (centre[0].as_f64().unwrap(), centre[1].as_f64().unwrap());
    let mut mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x0.round(),
            y: y0.round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for step in 1..=6 {
        let f = f64::from(step) / 6.0;
        mouse = mouse.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(60)),
            x: (x0 + (x - x0) * f).round(),
            y: (y0 + (y - y0) * f).round(),
        });
    }
    mouse = mouse.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    client.perform_actions(mouse).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_journey_built_with_mouse_and_keyboard_is_as_it_was_left_after_a_relaunch() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("editor.percorso");
    let journey = {
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.new_journey("Onboarding", "").unwrap()
    };

    with_app(&path, |client| async move {
        wait_for(&client, "[data-testid=add-stage]", 1).await;
        // A stage, named as it is created.
        click(&client, "[data-testid=add-stage]").await;
        focused(&client, "stage-name-input").await;
        chord(&client, &[Key::Control], 'a').await;
        type_text(&client, "Welcome\u{E007}").await;
        eventually(
            &client,
            "return Array.from(document.querySelectorAll('[data-testid=lane-name]')).map(e => e.textContent);",
            json!(["Welcome"]),
        )
        .await;

        // Two touchpoints from the toolbar; the second is named by typing over the proposed name.
        click(&client, "[data-testid=add-touchpoint]").await;
        wait_for(&client, "[data-testid=touchpoint]", 1).await;
        click(&client, "[data-testid=add-touchpoint]").await;
        wait_for(&client, "[data-testid=touchpoint]", 2).await;
        eventually(
            &client,
            CARD_NAMES,
            json!(["New touchpoint", "New touchpoint 2"]),
        )
        .await;

        // Connect them by dragging from the first card's handle to the second's.
        let ids = eval(
            &client,
            "return Array.from(document.querySelectorAll('.react-flow__node-touchpoint')).map(n => [n.dataset.id, n.querySelector('.touchpoint-name').textContent]);",
        )
        .await;
        let id_of = |name: &str| -> String {
            ids.as_array()
                .unwrap()
                .iter()
                .find(|pair| pair[1] == name)
                .unwrap()[0]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (first, second) = (id_of("New touchpoint"), id_of("New touchpoint 2"));
        drag(
            &client,
            &format!(".react-flow__node[data-id='{first}'] .react-flow__handle.source"),
            &format!(".react-flow__node[data-id='{second}'] .react-flow__handle.target"),
        )
        .await;
        eventually(&client, EDGES, json!(1)).await;

        // Rename the first in the inspector and set its emotion.
        click(&client, &format!(".react-flow__node[data-id='{first}']")).await;
        wait_for(&client, "[data-testid=inspector-name]", 1).await;
        let name = client
            .find(Locator::Css("[data-testid=inspector-name]"))
            .await
            .unwrap();
        name.clear().await.unwrap();
        name.send_keys("Welcome email\u{E007}").await.unwrap();
        eventually(
            &client,
            CARD_NAMES,
            json!(["New touchpoint 2", "Welcome email"]),
        )
        .await;
        click(&client, "[data-testid='emotion-2']").await;
        eventually(&client, CURVE_POINTS, json!(1)).await;
        screenshot(&client, "e2e-editor-built.png").await;

        // Undo twice and redo once, by keyboard (the focus is on the emotion button, not in a
        // text field, whose own undo would take the keys).
        chord(&client, &[Key::Control], 'z').await;
        eventually(&client, CURVE_POINTS, json!(0)).await;
        chord(&client, &[Key::Control], 'z').await;
        eventually(
            &client,
            CARD_NAMES,
            json!(["New touchpoint", "New touchpoint 2"]),
        )
        .await;
        chord(&client, &[Key::Control, Key::Shift], 'z').await;
        eventually(
            &client,
            CARD_NAMES,
            json!(["New touchpoint 2", "Welcome email"]),
        )
        .await;
        eventually(&client, CURVE_POINTS, json!(0)).await;
        eventually(&client, EDGES, json!(1)).await;
    })
    .await;

    // What the file holds now is what the window showed.
    {
        let ws = Workspace::open(&path).unwrap();
        let j = ws.journey(journey).unwrap();
        assert_eq!(j.stages.len(), 1);
        assert_eq!(j.stages[0].name, "Welcome");
        let mut names: Vec<_> = j.touchpoints.iter().map(|t| t.name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["New touchpoint 2", "Welcome email"]);
        assert!(j.touchpoints.iter().all(|t| t.emotion.is_none()));
        assert_eq!(j.transitions.len(), 1);
        let history = ws.history(journey).unwrap();
        assert_eq!(history.undo.as_deref(), Some("rename touchpoint"));
        assert_eq!(history.redo.as_deref(), Some("edit touchpoint"));
    }

    // Relaunched, the map is as it was left, and the history is still there.
    with_app(&path, |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", 2).await;
        eventually(
            &client,
            CARD_NAMES,
            json!(["New touchpoint 2", "Welcome email"]),
        )
        .await;
        assert_eq!(texts(&client, "[data-testid=lane-name]").await, ["Welcome"]);
        eventually(&client, EDGES, json!(1)).await;
        eventually(&client, CURVE_POINTS, json!(0)).await;
        screenshot(&client, "e2e-editor-relaunched.png").await;
        // Redo after the relaunch brings the emotion back.
        chord(&client, &[Key::Control], 'y').await;
        eventually(&client, CURVE_POINTS, json!(1)).await;
    })
    .await;
}

const HOSTILE: &str = "<img src=x onerror=alert(1)>";
const EMOJI: &str = "🛒 Carrello 🎉";
const ARABIC: &str = "خدمة العملاء";

fn long_name() -> String {
    let mut s = "Very long touchpoint name ".repeat(8);
    s.truncate(200);
    s
}

/// A journey whose names are HTML, emoji, right-to-left and 200 characters long.
fn hostile_journey() -> Journey {
    let names = [
        HOSTILE.to_owned(),
        EMOJI.to_owned(),
        ARABIC.to_owned(),
        long_name(),
    ];
    Journey {
        name: format!("Names {HOSTILE}"),
        stages: vec![Stage {
            id: StageId(1),
            name: HOSTILE.into(),
        }],
        touchpoints: names
            .iter()
            .enumerate()
            .map(|(i, name)| Touchpoint {
                id: TouchpointId(i as i64 + 1),
                stage: StageId(1),
                name: name.clone(),
                channel: Channel::Web,
                kind: Kind::Digital,
                x: 40.0,
                y: 30.0 + 110.0 * i as f64,
                emotion: Some(1),
                ..Touchpoint::default()
            })
            .collect(),
        ..Journey::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn html_emoji_right_to_left_and_long_names_render_as_text() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("names.percorso");
    {
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.insert_journey_value(&hostile_journey()).unwrap();
    }
    with_app(&path, |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", 4).await;
        let mut expected = vec![
            HOSTILE.to_owned(),
            EMOJI.to_owned(),
            ARABIC.to_owned(),
            long_name(),
        ];
        expected.sort();
        let shown: Vec<String> =
            serde_json::from_value(eval(&client, CARD_NAMES).await).unwrap();
        assert_eq!(shown, expected, "every name is shown as its text");
        assert_eq!(
            texts(&client, "[data-testid=lane-name]").await,
            [HOSTILE],
            "the stage's name is text"
        );
        // No markup came from a name: no image anywhere in the map or the panels.
        assert_eq!(
            eval(&client, "return document.querySelectorAll('main img').length;").await,
            json!(0)
        );
        // Long names are cut to the card (two lines) and whole in the tooltip.
        let card = eval(
            &client,
            "const c = Array.from(document.querySelectorAll('[data-testid=touchpoint]')).find(c => c.title.length === 200);
             const name = c.querySelector('.touchpoint-name');
             return [c.offsetHeight, name.scrollHeight > name.clientHeight];",
        )
        .await;
        assert_eq!(card[0], json!(72), "the card keeps its size: {card}");
        assert_eq!(card[1], json!(true), "the long name is truncated: {card}");
        assert_eq!(
            eval(
                &client,
                "return document.querySelector('[data-testid=touchpoint] .touchpoint-name[dir=auto]') !== null;"
            )
            .await,
            json!(true)
        );
        // The inspector shows the whole long name, wrapped.
        click(&client, "[data-testid=touchpoint][title^='Very long']").await;
        wait_for(&client, "[data-testid=inspector]", 1).await;
        let title = texts(&client, "[data-testid=selected-touchpoint]").await;
        assert_eq!(title, [long_name()]);
        screenshot(&client, "e2e-editor-names.png").await;
    })
    .await;
}

/// A journey of `stages` × `per_stage` touchpoints and twice as many transitions, all cards
/// stacked on the same spot of their lane until tidied.
fn large_journey(stages: usize, per_stage: usize) -> Journey {
    let count = stages * per_stage;
    let touchpoints: Vec<Touchpoint> = (0..count)
        .map(|i| Touchpoint {
            id: TouchpointId(i as i64 + 1),
            stage: StageId((i / per_stage) as i64 + 1),
            name: format!("Touchpoint {}", i + 1),
            channel: if i % 2 == 0 {
                Channel::Store
            } else {
                Channel::Web
            },
            kind: if i % 2 == 0 {
                Kind::Physical
            } else {
                Kind::Digital
            },
            entry: i == 0,
            goal: i == count - 1,
            ..Touchpoint::default()
        })
        .collect();
    let mut pairs = std::collections::BTreeSet::new();
    for i in 0..count {
        pairs.insert((i, (i + 1) % count));
        pairs.insert((i, (i + 7) % count));
    }
    let transitions = pairs
        .into_iter()
        .enumerate()
        .map(|(n, (from, to))| Transition {
            id: TransitionId(n as i64 + 1),
            from: TouchpointId(from as i64 + 1),
            to: TouchpointId(to as i64 + 1),
        })
        .collect();
    Journey {
        name: "Large".into(),
        stages: (0..stages)
            .map(|s| Stage {
                id: StageId(s as i64 + 1),
                name: format!("Stage {}", s + 1),
            })
            .collect(),
        touchpoints,
        transitions,
        ..Journey::default()
    }
}

/// Pans the map by dragging the empty canvas, then zooms in and out with the wheel, with the
/// events React Flow's pan and zoom handlers read, dispatched in the page so that nothing else
/// (WebDriver's own input dispatch stalls the page's frames) is measured; returns the intervals
/// between animation frames during the pan and during the zoom, in ms.
const PAN_AND_ZOOM: &str = "
const done = arguments[0];
const pane = document.querySelector('.react-flow__pane');
const r = pane.getBoundingClientRect();
const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
const frames = { pan: [], zoom: [] };
let phase = 'pan', last = performance.now(), on = true;
const tick = (t) => { frames[phase].push(t - last); last = t; if (on) requestAnimationFrame(tick); };
requestAnimationFrame(tick);
const mouse = (x, y, buttons) => ({ clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons, bubbles: true, cancelable: true, view: window });
let i = 0;
const zoom = () => {
  i += 1;
  pane.dispatchEvent(new WheelEvent('wheel', { deltaY: i <= 20 ? -25 : 25, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
  if (i < 30) setTimeout(zoom, 30); else setTimeout(() => { on = false; done(frames); }, 200);
};
const pan = () => {
  i += 1;
  window.dispatchEvent(new MouseEvent('mousemove', mouse(cx - i * 8, cy - i * 3, 1)));
  if (i < 40) { setTimeout(pan, 30); return; }
  window.dispatchEvent(new MouseEvent('mouseup', mouse(cx - i * 8, cy - i * 3, 0)));
  i = 0; phase = 'zoom'; last = performance.now();
  setTimeout(zoom, 30);
};
pane.dispatchEvent(new MouseEvent('mousedown', mouse(cx, cy, 1)));
setTimeout(pan, 30);";

/// Zooms in with the wheel at the centre until the map's scale reaches `zoom`.
const ZOOM_TO: &str = "
const [zoom, done] = arguments;
const pane = document.querySelector('.react-flow__pane');
const r = pane.getBoundingClientRect();
const scale = () => Number(/scale\\(([^)]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1]);
const step = () => {
  if (scale() >= zoom) { done(scale()); return; }
  pane.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));
  setTimeout(step, 60);
};
step();";

#[derive(serde::Deserialize)]
struct Frames {
    pan: Vec<f64>,
    zoom: Vec<f64>,
}

fn summary(frames: &[f64]) -> String {
    let mut sorted = frames.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |p: f64| sorted[((sorted.len() - 1) as f64 * p).round() as usize];
    format!(
        "{} frames, median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        sorted.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    )
}

/// Pans and zooms, checks that the view moved, and prints the frame times under `label`.
async fn pan_and_zoom(client: &Client, label: &str) {
    let before = viewport(client).await;
    let frames: Frames =
        serde_json::from_value(client.execute_async(PAN_AND_ZOOM, vec![]).await.unwrap()).unwrap();
    assert_ne!(viewport(client).await, before, "the map moved");
    assert!(!frames.pan.is_empty() && !frames.zoom.is_empty());
    let cards = eval(
        client,
        "return document.querySelectorAll('[data-testid=touchpoint]').length;",
    )
    .await;
    eprintln!(
        "frame times, {label} ({cards} cards drawn): pan {}; zoom {}",
        summary(&frames.pan),
        summary(&frames.zoom)
    );
}

async fn viewport(client: &Client) -> String {
    eval(
        client,
        "return document.querySelector('.react-flow__viewport').style.transform;",
    )
    .await
    .as_str()
    .unwrap()
    .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_map_of_300_touchpoints_pans_zooms_and_tidies_within_its_lanes() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("large.percorso");
    let journey = large_journey(10, 30);
    assert_eq!(journey.touchpoints.len(), 300);
    assert_eq!(journey.transitions.len(), 600);
    let id: JourneyId = {
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.insert_journey_value(&journey).unwrap()
    };
    with_app(&path, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", 300).await;
        eventually(&client, EDGES, json!(600)).await;

        // Tidy: every card lands inside its own stage's lane, no two on the same spot.
        click(&client, "[data-testid=tidy]").await;
        let check = "const lanes = new Map(Array.from(document.querySelectorAll('[data-testid=lane]')).map(l => [l.dataset.stage, l.getBoundingClientRect()]));
             const cards = Array.from(document.querySelectorAll('[data-testid=touchpoint]'));
             const outside = cards.filter(c => { const r = c.getBoundingClientRect(); const l = lanes.get(c.dataset.stage);
               return !l || r.left < l.left - 0.5 || r.right > l.right + 0.5 || r.top < l.top - 0.5 || r.bottom > l.bottom + 0.5; }).length;
             const spots = new Set(cards.map(c => { const r = c.getBoundingClientRect(); return Math.round(r.left) + ',' + Math.round(r.top); }));
             return [cards.length, outside, spots.size];";
        eventually(&client, check, json!([300, 0, 300])).await;
        screenshot(&client, "e2e-editor-300-tidied.png").await;

        // Tidying opens the map as a first start does, readable from its first stage; the zoom
        // controls' "fit view" shows all of it. Then the cards' text is too small to read, so
        // they are drawn as blocks.
        click(&client, ".react-flow__controls-fitview").await;
        eventually(
            &client,
            "return document.querySelector('.react-flow.is-overview') !== null;",
            json!(true),
        )
        .await;
        screenshot(&client, "e2e-editor-300-whole.png").await;
        pan_and_zoom(&client, "300 touchpoints, 600 transitions, whole map in view").await;
        // At a working zoom the cards have their text again.
        let scale = client
            .execute_async(ZOOM_TO, vec![json!(0.9)])
            .await
            .unwrap();
        assert!(scale.as_f64().unwrap() >= 0.9);
        assert_eq!(
            eval(&client, "return document.querySelector('.react-flow.is-overview') !== null;").await,
            json!(false)
        );
        screenshot(&client, "e2e-editor-300-zoomed.png").await;
        pan_and_zoom(&client, "300 touchpoints, 600 transitions, at 90 % zoom").await;
    })
    .await;
    // Tidy changed positions only: every touchpoint is still in its stage.
    let ws = Workspace::open(&path).unwrap();
    let tidied = ws.journey(id).unwrap();
    let stage_of = |j: &Journey, name: &str| {
        let t = j.touchpoints.iter().find(|t| t.name == name).unwrap();
        j.stages.iter().position(|s| s.id == t.stage).unwrap()
    };
    for t in &journey.touchpoints {
        let original = journey.stages.iter().position(|s| s.id == t.stage).unwrap();
        assert_eq!(stage_of(&tidied, &t.name), original, "{}", t.name);
    }
}

/// The id (`tp-N`) of the card called `name`, waiting for it to appear.
async fn card_id(client: &Client, name: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let id = client
            .execute(
                "const n = Array.from(document.querySelectorAll('.react-flow__node-touchpoint')).find(n => n.querySelector('.touchpoint-name').textContent === arguments[0]);
                 return n ? n.dataset.id : null;",
                vec![json!(name)],
            )
            .await
            .unwrap();
        if let Some(id) = id.as_str() {
            return id.to_owned();
        }
        assert!(Instant::now() < deadline, "no card {name:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

const CARDS: &str = "return document.querySelectorAll('[data-testid=touchpoint]').length;";
const LANES: &str = "return Array.from(document.querySelectorAll('[data-testid=lane-name]')).map(e => e.textContent);";

/// Double-clicks with the real mouse at the point `x`, `y` of the window.
async fn double_click(client: &Client, x: f64, y: f64) {
    let mut mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x,
        y,
    });
    for _ in 0..2 {
        mouse = mouse
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
    }
    client.perform_actions(mouse).await.unwrap();
}

/// Clicks `css` with `Control` held, as a user adds to a selection.
async fn control_click(client: &Client, css: &str) {
    let element = client.find(Locator::Css(css)).await.unwrap();
    let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down {
        value: Key::Control.into(),
    });
    client.perform_actions(keys).await.unwrap();
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(mouse).await.unwrap();
    let keys = KeyActions::new("keyboard".into()).then(KeyAction::Up {
        value: Key::Control.into(),
    });
    client.perform_actions(keys).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn cards_move_across_lanes_copy_paste_delete_and_stages_are_renamed_reordered_and_deleted() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("gestures.percorso");
    let (journey, count) = {
        let mut ws = Workspace::create(&path, false).unwrap();
        let id = ws.new_journey_from_template("telecom").unwrap();
        (id, ws.journey(id).unwrap().touchpoints.len())
    };
    with_app(&path, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", count).await;
        let stages: Vec<String> = serde_json::from_value(eval(&client, LANES).await).unwrap();
        assert_eq!(stages[0], "Discover");

        // Drag "Sales call" (stage 2) into the third lane: its stage changes.
        let sales = card_id(&client, "Sales call").await;
        let third = eval(
            &client,
            "return document.querySelectorAll('[data-testid=lane]')[2].dataset.stage;",
        )
        .await;
        let third = third.as_str().unwrap().to_owned();
        // Into the third lane's digital band, near its bottom, where no card is.
        let target = eval(
            &client,
            &format!("const r = document.querySelector(\"[data-testid=lane][data-stage='{third}'] .lane-band-digital\").getBoundingClientRect();
                      return [r.left + r.width / 2, r.bottom - 15];"),
        )
        .await;
        drag_to(
            &client,
            &format!(".react-flow__node[data-id='{sales}']"),
            target[0].as_f64().unwrap(),
            target[1].as_f64().unwrap(),
        )
        .await;
        screenshot(&client, "e2e-editor-dragged.png").await;
        eventually(
            &client,
            &format!("return document.querySelector(\".react-flow__node[data-id='{sales}'] [data-testid=touchpoint]\").dataset.stage;"),
            json!(third),
        )
        .await;

        // The arrow keys nudge the selected card, through the engine.
        click(&client, &format!(".react-flow__node[data-id='{sales}']")).await;
        let top = format!(
            "return new DOMMatrix(document.querySelector(\".react-flow__node[data-id='{sales}']\").style.transform).m42;"
        );
        let y = eval(&client, &top).await.as_f64().unwrap();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: Key::Down.into(),
            })
            .then(KeyAction::Up {
                value: Key::Down.into(),
            });
        client.perform_actions(keys).await.unwrap();
        eventually(&client, &top, json!(y as i64 + 10)).await;

        // Select two cards (click, then Ctrl+click), copy, paste: two copies, selected; Delete
        // removes them again.
        let online = card_id(&client, "Online sign-up").await;
        click(&client, &format!(".react-flow__node[data-id='{sales}']")).await;
        control_click(&client, &format!(".react-flow__node[data-id='{online}']")).await;
        wait_for(&client, "[data-testid=selection-panel]", 1).await;
        chord(&client, &[Key::Control], 'c').await;
        chord(&client, &[Key::Control], 'v').await;
        eventually(&client, CARDS, json!(count + 2)).await;
        card_id(&client, "Sales call (copy)").await;
        card_id(&client, "Online sign-up (copy)").await;
        screenshot(&client, "e2e-editor-pasted.png").await;
        type_text(&client, "\u{E017}").await; // Delete
        eventually(&client, CARDS, json!(count)).await;

        // Double-click in the first lane adds a touchpoint there, named at once.
        let spot = eval(
            &client,
            "const r = document.querySelector('[data-testid=lane] .lane-band-physical').getBoundingClientRect();
             return [r.left + r.width / 2, r.bottom - 25];",
        )
        .await;
        let (x, y) = (
            spot[0].as_f64().unwrap().round(),
            spot[1].as_f64().unwrap().round(),
        );
        double_click(&client, x, y).await;
        eventually(&client, CARDS, json!(count + 1)).await;
        focused(&client, "inspector-name").await;
        type_text(&client, "Shop window poster\u{E007}").await;
        let poster = card_id(&client, "Shop window poster").await;
        assert_eq!(
            eval(
                &client,
                &format!("return document.querySelector(\".react-flow__node[data-id='{poster}'] [data-testid=touchpoint]\").dataset.kind;")
            )
            .await,
            json!("physical")
        );

        // Rename the first stage by double-clicking its name.
        let name = eval(
            &client,
            "const r = document.querySelector('[data-testid=lane-name]').getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
        )
        .await;
        double_click(
            &client,
            name[0].as_f64().unwrap().round(),
            name[1].as_f64().unwrap().round(),
        )
        .await;
        focused(&client, "stage-name-input").await;
        chord(&client, &[Key::Control], 'a').await;
        type_text(&client, "Awareness\u{E007}").await;
        eventually(
            &client,
            "return document.querySelector('[data-testid=lane-name]').textContent;",
            json!("Awareness"),
        )
        .await;

        // Delete the second stage: it holds touchpoints, so the dialog asks where they go.
        let lanes_before = eval(&client, LANES).await.as_array().unwrap().len();
        client
            .execute(
                "document.querySelectorAll('[data-testid=stage-delete]')[1].click(); return 1;",
                vec![],
            )
            .await
            .unwrap();
        wait_for(&client, "[data-testid=delete-stage-dialog]", 1).await;
        screenshot(&client, "e2e-editor-delete-stage.png").await;
        click(&client, "[data-testid=delete-stage-confirm]").await;
        eventually(
            &client,
            "return document.querySelectorAll('[data-testid=lane]').length;",
            json!(lanes_before - 1),
        )
        .await;
        eventually(&client, CARDS, json!(count + 1)).await;
        // And the toolbar's Undo brings it back.
        click(&client, "[data-testid=undo]").await;
        eventually(
            &client,
            "return document.querySelectorAll('[data-testid=lane]').length;",
            json!(lanes_before),
        )
        .await;
    })
    .await;
    let ws = Workspace::open(&path).unwrap();
    let j = ws.journey(journey).unwrap();
    let stage_of = |name: &str| {
        let t = j.touchpoints.iter().find(|t| t.name == name).unwrap();
        j.stages.iter().position(|s| s.id == t.stage).unwrap()
    };
    assert_eq!(stage_of("Sales call"), 2, "moved to the third stage");
    assert_eq!(stage_of("Shop window poster"), 0);
    assert_eq!(j.stages[0].name, "Awareness");
    assert_eq!(j.stages.len(), 7);
    assert_eq!(j.touchpoints.len(), count + 1);
}

const JOURNEYS: &str = "return Array.from(document.querySelectorAll('[data-testid=journey-list] .journey-item-name')).map(e => e.textContent);";
const ACTIVE: &str = "return document.querySelector('[data-testid=journey-list] [aria-current=page] .journey-item-name')?.textContent ?? null;";

#[tokio::test(flavor = "multi_thread")]
async fn a_new_journey_starts_from_a_template_is_renamed_and_deleted_from_the_sidebar() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("journeys.percorso");
    {
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.new_journey("First journey", "").unwrap();
    }
    let bank = percorso::templates::find("bank_onboarding")
        .unwrap()
        .journey();
    with_app(&path, move |client| async move {
        wait_for(&client, "[data-testid=journey-list]", 1).await;
        eventually(&client, JOURNEYS, json!(["First journey"])).await;

        // New journey, from the bank onboarding template, keeping the template's name.
        click(&client, "[data-testid=new-journey]").await;
        wait_for(&client, "[data-testid=template-bank_onboarding]", 1).await;
        click(&client, "[data-testid=template-bank_onboarding]").await;
        click(&client, "[data-testid=new-journey-create]").await;
        wait_for(&client, "[data-testid=touchpoint]", bank.touchpoints.len()).await;
        eventually(&client, ACTIVE, json!(bank.name)).await;
        eventually(&client, JOURNEYS, json!(["First journey", bank.name])).await;
        assert!(
            eval(&client, CURVE_POINTS).await.as_u64().unwrap() > 0,
            "the template's emotions draw the curve"
        );
        screenshot(&client, "e2e-editor-template.png").await;

        // Renamed in the journey panel, the sidebar follows.
        let name = client
            .find(Locator::Css("[data-testid=journey-name]"))
            .await
            .unwrap();
        name.clear().await.unwrap();
        name.send_keys("Current account for students\u{E007}")
            .await
            .unwrap();
        eventually(
            &client,
            JOURNEYS,
            json!(["First journey", "Current account for students"]),
        )
        .await;

        // Deleted after a confirmation, the first journey opens.
        client
            .find(Locator::XPath(
                "//*[@data-testid='journey-list']//button[text()='Delete journey']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        client
            .find(Locator::XPath(
                "//*[@role='dialog']//button[text()='Delete journey']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        eventually(&client, JOURNEYS, json!(["First journey"])).await;
        eventually(&client, ACTIVE, json!("First journey")).await;
    })
    .await;
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.summary().unwrap().journeys.len(), 1);
}

/// Types `path` into the journey file dialog and presses its button.
async fn journey_file(client: &Client, open: &str, path: &Path) {
    click(client, open).await;
    wait_for(client, "[data-testid=journey-file-dialog]", 1).await;
    client
        .find(Locator::Css("[data-testid=journey-file-path]"))
        .await
        .unwrap()
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    click(client, "[data-testid=journey-file-run]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_journey_exported_as_json_imports_back_and_a_bad_file_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("files.percorso");
    let template = percorso::templates::find("telecom").unwrap().journey();
    {
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.new_journey_from_template("telecom").unwrap();
    }
    let file = home.path().join("telecom journey.json");
    let bad = home.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"percorso-journey\",\n  \"version\": 1,\n  oops }",
    )
    .unwrap();
    let (file_in, bad_in, shown) = (file.clone(), bad.clone(), template.clone());
    with_app(&path, move |client| async move {
        let template = shown;
        wait_for(&client, "[data-testid=touchpoint]", template.touchpoints.len()).await;

        // Export to a typed path: the dialog names the file written.
        journey_file(&client, "[data-testid=journey-export]", &file_in).await;
        wait_for(&client, "[data-testid=journey-file-message]", 1).await;
        let said = texts(&client, "[data-testid=journey-file-message]").await;
        assert!(said[0].contains("telecom journey.json"), "{said:?}");
        click(&client, "[data-testid=journey-file-close]").await;

        // A file that is not a journey is refused with where it is wrong; nothing is added.
        journey_file(&client, "[data-testid=journey-import]", &bad_in).await;
        wait_for(&client, "[data-testid=journey-file-message][role=alert]", 1).await;
        let said = texts(&client, "[data-testid=journey-file-message]").await;
        assert!(said[0].contains("bad.json") && said[0].contains("line 3"), "{said:?}");
        screenshot(&client, "e2e-editor-journey-file-refused.png").await;
        click(&client, "[data-testid=journey-file-close]").await;
        eventually(&client, JOURNEYS, json!([template.name])).await;

        // The exported file imports back as a second journey, which opens.
        journey_file(&client, "[data-testid=journey-import]", &file_in).await;
        eventually(&client, JOURNEYS, json!([template.name, template.name])).await;
        eventually(
            &client,
            "return document.querySelector('[data-testid=journey-list] [aria-current=page]')?.closest('li')?.previousElementSibling ? 'second' : 'first';",
            json!("second"),
        )
        .await;
        wait_for(&client, "[data-testid=touchpoint]", template.touchpoints.len()).await;
    })
    .await;
    // The file holds the journey exactly: read back, it is the template's content.
    let read = percorso::document::read(&file)
        .unwrap()
        .to_journey()
        .unwrap();
    assert_eq!(read.name, template.name);
    assert_eq!(read.stages.len(), template.stages.len());
    assert_eq!(read.touchpoints.len(), template.touchpoints.len());
    assert_eq!(read.transitions.len(), template.transitions.len());
    let ws = Workspace::open(&path).unwrap();
    let journeys = ws.summary().unwrap().journeys;
    assert_eq!(journeys.len(), 2);
    let first = ws.journey(journeys[0].id).unwrap();
    let second = ws.journey(journeys[1].id).unwrap();
    let names = |j: &Journey| {
        j.touchpoints
            .iter()
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&first), names(&second));
}
