//! The design commands through the real app: granted to the window, stored at once, and undone
//! after a relaunch.

use fantoccini::Client;
use percorso::edit::{Edit, TouchpointField};
use percorso::Workspace;
use serde_json::{json, Value};

use crate::{wait_for, with_app};

/// Calls a command the way the UI does and returns `Ok(result)` or `Err(ApiError)`.
async fn invoke(client: &Client, command: &str, args: Value) -> Result<Value, Value> {
    let answer = client
        .execute_async(
            "const [command, args, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(command, args)
               .then(ok => done({ ok }), err => done({ err }));",
            vec![json!(command), args],
        )
        .await
        .unwrap();
    match answer.get("err") {
        Some(err) => Err(err.clone()),
        None => Ok(answer["ok"].clone()),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_made_in_the_app_is_stored_and_undone_after_a_relaunch() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("design.percorso");
    let (journey, touchpoint, count) = {
        let mut ws = Workspace::create(&path, false).unwrap();
        let id = ws.new_journey_from_template("telecom").unwrap();
        let j = ws.journey(id).unwrap();
        (id, j.touchpoints[0].clone(), j.touchpoints.len())
    };
    let edit = Edit::SetTouchpointField {
        touchpoint: touchpoint.id,
        field: TouchpointField::Name("Renamed in the app".into()),
    };
    let first = touchpoint.name.clone();
    with_app(&path, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", count).await;
        let templates = invoke(&client, "templates", json!({})).await.unwrap();
        assert_eq!(templates.as_array().unwrap().len(), 3);
        let done = invoke(
            &client,
            "apply_edit",
            json!({ "journey": journey, "edit": edit }),
        )
        .await
        .unwrap();
        assert_eq!(done["changed"], true);
        assert_eq!(done["history"]["undo"], "rename touchpoint");
        assert_eq!(
            done["journey"]["touchpoints"][0]["name"],
            "Renamed in the app"
        );
        let undone = invoke(&client, "undo", json!({ "journey": journey }))
            .await
            .unwrap();
        assert_eq!(undone["journey"]["touchpoints"][0]["name"], first);
        let redone = invoke(&client, "redo", json!({ "journey": journey }))
            .await
            .unwrap();
        assert_eq!(
            redone["journey"]["touchpoints"][0]["name"],
            "Renamed in the app"
        );
        let warnings = invoke(&client, "journey_warnings", json!({ "journey": journey }))
            .await
            .unwrap();
        assert_eq!(warnings, json!([]));
        let refused = invoke(
            &client,
            "apply_edit",
            json!({ "journey": journey, "edit": { "op": "rename_journey", "name": "  " } }),
        )
        .await
        .unwrap_err();
        assert_eq!(refused["code"], "name_required");
        assert_eq!(refused["params"]["what"], "journey");
    })
    .await;
    // Quit: the file holds the edit and its history.
    {
        let ws = Workspace::open(&path).unwrap();
        let j = ws.journey(journey).unwrap();
        assert_eq!(j.touchpoints[0].name, "Renamed in the app");
        assert_eq!(
            ws.history(journey).unwrap().undo.as_deref(),
            Some("rename touchpoint")
        );
    }
    // Relaunch: undo still knows the edit.
    let name = touchpoint.name.clone();
    with_app(&path, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", count).await;
        let undone = invoke(&client, "undo", json!({ "journey": journey }))
            .await
            .unwrap();
        assert_eq!(undone["journey"]["touchpoints"][0]["name"], name);
    })
    .await;
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(
        ws.journey(journey).unwrap().touchpoints[0].name,
        touchpoint.name
    );
}
