//! Workshop notes in Present, on the demo: N on a stage's slide opens the note dialog; the note
//! lands in the workspace file as one undoable edit, and the last slide lists it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use percorso::demo::retail;
use percorso::journey::{NoteKind, NoteTarget};
use percorso::Workspace;

use crate::{
    attributes, click, count, one_text, press, screenshot, set_value, texts, wait_for, with_app,
};

const TEXT: &str = "Specs <b>are</b> hard to compare on a phone";

async fn a_note_in_present(client: Client, workspace: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-present]").await;
    wait_for(&client, "[data-testid=present-title]", 1).await;
    assert!(
        count(&client, "[data-testid=present-notes]").await == 0,
        "no notes slide before the first note"
    );

    // The second stage's slide; N opens the dialog on it.
    press(&client, Key::Right).await;
    press(&client, Key::Right).await;
    let stage = one_text(&client, "[data-testid=present-stage]").await;
    assert_eq!(stage, retail::STAGES[1]);
    press(&client, 'n').await;
    wait_for(&client, "[data-testid=note-dialog]", 1).await;
    let subjects = texts(&client, "[data-testid=note-subject] option").await;
    assert!(
        subjects[0].contains(&stage),
        "the stage on screen comes first: {subjects:?}"
    );

    // An opportunity on the stage's first touchpoint, typed as a user types it; Enter adds it.
    let ws = Workspace::open(&workspace).unwrap();
    let journey = ws.journey(ws.journeys().unwrap()[0].id).unwrap();
    let stage_id = journey.stages[1].id;
    let touchpoint = journey
        .touchpoints
        .iter()
        .find(|t| t.stage == stage_id)
        .unwrap();
    set_value(&client, "note-subject", &format!("t{}", touchpoint.id)).await;
    click(&client, "[data-testid=note-kind-opportunity]").await;
    let field = client
        .find(Locator::Css("[data-testid=note-text]"))
        .await
        .unwrap();
    field.send_keys(TEXT).await.unwrap();
    screenshot(&client, "e2e-present-note-dialog.png").await;
    field.send_keys("\u{E007}").await.unwrap();
    wait_for(&client, "[data-testid=note-added]", 1).await;
    assert!(one_text(&client, "[data-testid=note-added]")
        .await
        .contains(&touchpoint.name));

    // In the file: one note, as typed, on that touchpoint; one step of the journey's history.
    let deadline = Instant::now() + Duration::from_secs(10);
    let stored = loop {
        let ws = Workspace::open(&workspace).unwrap();
        let notes = ws.journey(journey.id).unwrap().notes;
        if !notes.is_empty() || Instant::now() > deadline {
            assert_eq!(
                ws.history(journey.id).unwrap().undo.as_deref(),
                Some("add note")
            );
            break notes;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0].target,
        NoteTarget::Touchpoint {
            touchpoint: touchpoint.id
        }
    );
    assert_eq!(stored[0].kind, NoteKind::Opportunity);
    assert_eq!(stored[0].text, TEXT);

    // The last slide lists it, as text: the markup in it is shown, not run.
    press(&client, Key::End).await;
    wait_for(&client, "[data-testid=present-notes]", 1).await;
    let listed = texts(&client, "[data-testid=present-note]").await;
    assert_eq!(listed.len(), 1);
    assert!(listed[0].contains(&touchpoint.name) && listed[0].contains(TEXT));
    assert!(count(&client, "[data-testid=present-note] b").await == 0);
    screenshot(&client, "e2e-present-notes.png").await;

    // Back in Design, the touchpoint's inspector lists the note, as text.
    press(&client, Key::Escape).await;
    click(
        &client,
        &format!("[data-testid=touchpoint][title='{}']", touchpoint.name),
    )
    .await;
    wait_for(&client, "[data-testid=inspector-note]", 1).await;
    let shown = texts(&client, "[data-testid=inspector-note]").await;
    assert!(shown[0].contains(TEXT), "{shown:?}");
    assert_eq!(
        attributes(&client, "[data-testid=inspector-note]", "data-kind").await,
        ["opportunity"]
    );
    assert!(count(&client, "[data-testid=inspector-note] b").await == 0);
    screenshot(&client, "e2e-design-notes.png").await;

    // Adding it to the touchpoint makes it one of its designed opportunities, in one step.
    click(&client, "[data-testid=inspector-note-adopt]").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ws = Workspace::open(&workspace).unwrap();
        let now = ws.journey(journey.id).unwrap();
        let adopted = now
            .touchpoint(touchpoint.id)
            .is_some_and(|t| t.opportunities.iter().any(|o| o.text == TEXT));
        if adopted && now.notes.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the note never became an opportunity"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Undo brings the note back; Undo again takes it out of the file.
    wait_for(&client, "[data-testid=undo]:not([disabled])", 1).await;
    click(&client, "[data-testid=undo]").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ws = Workspace::open(&workspace).unwrap();
        let now = ws.journey(journey.id).unwrap();
        let opportunity = now
            .touchpoint(touchpoint.id)
            .is_some_and(|t| t.opportunities.iter().any(|o| o.text == TEXT));
        if now.notes.len() == 1 && !opportunity {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Undo did not bring the note back whole"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    click(&client, "[data-testid=undo]").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !Workspace::open(&workspace)
        .unwrap()
        .journey(journey.id)
        .unwrap()
        .notes
        .is_empty()
    {
        assert!(Instant::now() < deadline, "Undo left the note in the file");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_taken_in_present_is_stored_listed_at_the_end_and_undone_in_design() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, |client| async move {
        a_note_in_present(client, path).await
    })
    .await;
}
