//! Journey files (JSON export and import), templates, and workspaces written by an older
//! Percorso.
#![cfg(test)]

use std::collections::HashMap;

use percorso::document::{self, JourneyFile};
use percorso::edit::{Edit, TouchpointField};
use percorso::journey::{
    Channel, Journey, JourneyId, Kind, Kpi, Opportunity, OpportunityStatus, StageId, TouchpointId,
};
use percorso::{templates, validate, ErrorCode, Warning, Workspace};
use rusqlite::Connection;

/// `j` with every id replaced by its position, so journeys stored under different ids compare.
fn without_ids(j: &Journey) -> Journey {
    let stage: HashMap<StageId, i64> = j
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i as i64))
        .collect();
    let tp: HashMap<TouchpointId, i64> = j
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i as i64))
        .collect();
    let mut out = j.clone();
    out.id = JourneyId(0);
    for (i, p) in out.personas.iter_mut().enumerate() {
        p.id.0 = i as i64;
    }
    for s in &mut out.stages {
        s.id.0 = stage[&s.id];
    }
    for t in &mut out.touchpoints {
        t.id.0 = tp[&t.id];
        t.stage.0 = stage[&t.stage];
    }
    for (i, t) in out.transitions.iter_mut().enumerate() {
        t.id.0 = i as i64;
        t.from.0 = tp[&t.from];
        t.to.0 = tp[&t.to];
    }
    out
}

/// A template journey with awkward content: markup, emoji, right-to-left text, a long name and
/// numbers that print with many digits.
fn awkward_workspace(dir: &std::path::Path) -> (Workspace, JourneyId) {
    let mut ws = Workspace::create(dir.join("a.percorso"), false).unwrap();
    let id = ws.new_journey_from_template("telecom").unwrap();
    let j = ws.journey(id).unwrap();
    let first = j.touchpoints[0].id;
    let edits = vec![
        Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Name("<img src=x onerror=alert(1)> 🛒 مرحبا".into()),
        },
        Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Description("x".repeat(200)),
        },
        Edit::MoveTouchpoint {
            touchpoint: first,
            stage: j.stages[1].id,
            x: 0.1 + 0.2,
            y: 1.0 / 3.0,
        },
        Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Kpis(vec![Kpi {
                name: "CSAT \"quoted\"".into(),
                value: Some(1e-300),
                target: Some(-0.0),
            }]),
        },
        Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Opportunities(vec![Opportunity {
                text: "line\nbreak".into(),
                owner: String::new(),
                status: OpportunityStatus::Dropped,
            }]),
        },
        Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Emotion(None),
        },
    ];
    for e in &edits {
        ws.apply(id, e).unwrap();
    }
    (ws, id)
}

#[test]
fn export_import_export_gives_the_same_file_and_journey() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, id) = awkward_workspace(dir.path());
    let original = ws.journey(id).unwrap();
    let file = ws.export_journey(id).unwrap();
    let text = file.to_text().unwrap();
    assert!(text.starts_with("{\n  \"format\": \"percorso-journey\",\n  \"version\": 1,"));
    let out = dir.path().join("journey.json");
    document::write(&out, &file).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);

    let mut other = Workspace::create(dir.path().join("b.percorso"), false).unwrap();
    let imported = other
        .import_journey(&document::read(&out).unwrap())
        .unwrap();
    let again = other.journey(imported).unwrap();
    assert_eq!(without_ids(&again), without_ids(&original));
    assert_eq!(
        other.export_journey(imported).unwrap().to_text().unwrap(),
        text
    );
    // Numbers survive to the last bit.
    let kpi = &again.touchpoints[0].kpis[0];
    assert_eq!(kpi.value.unwrap().to_bits(), 1e-300f64.to_bits());
    assert_eq!(kpi.target.unwrap().to_bits(), (-0.0f64).to_bits());
    assert_eq!(again.touchpoints[0].x.to_bits(), (0.1f64 + 0.2).to_bits());
}

#[test]
fn a_bad_file_is_reported_with_line_column_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, id) = awkward_workspace(dir.path());
    let good = ws.export_journey(id).unwrap().to_text().unwrap();

    let broken = good.replacen("\"emotion\": null", "\"emotion\": \"sad\"", 1);
    let err = JourneyFile::parse(&broken).unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadJourneyFile);
    let message = err.to_string();
    let line = broken.lines().position(|l| l.contains("\"sad\"")).unwrap() + 1;
    assert!(message.contains(&format!("line {line},")), "{message}");
    assert!(message.contains("touchpoints[0].emotion"), "{message}");

    let truncated = &good[..good.len() / 2];
    let message = JourneyFile::parse(truncated).unwrap_err().to_string();
    assert!(message.contains("line "), "{message}");
    assert!(message.contains("EOF"), "{message}");

    let typo = good.replacen("\"owner\"", "\"ownr\"", 1);
    let message = JourneyFile::parse(&typo).unwrap_err().to_string();
    assert!(message.contains("ownr"), "{message}");

    let other = r#"{"format": "something-else", "version": 1}"#;
    let message = JourneyFile::parse(other).unwrap_err().to_string();
    assert!(message.contains("something-else"), "{message}");

    let future = good.replacen("\"version\": 1", "\"version\": 7", 1);
    let message = JourneyFile::parse(&future).unwrap_err().to_string();
    assert!(message.contains("version 7"), "{message}");

    let bad_index = good.replacen("\"from\": 0", "\"from\": 999", 1);
    let err = JourneyFile::parse(&bad_index)
        .unwrap()
        .to_journey()
        .unwrap_err();
    assert!(err.to_string().contains("transitions["), "{err}");

    for (from, to, location) in [
        (
            "\"emotion\": null",
            "\"emotion\": 5",
            "touchpoints[0].emotion",
        ),
        (
            "\"name\": \"Discover\"",
            "\"name\": \" \"",
            "stages[0].name",
        ),
    ] {
        let changed = good.replacen(from, to, 1);
        assert_ne!(changed, good, "{from}");
        let err = JourneyFile::parse(&changed)
            .unwrap()
            .to_journey()
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::BadJourneyFile);
        assert!(err.to_string().contains(location), "{err}");
    }

    let mut looped = JourneyFile::parse(&good).unwrap();
    looped.transitions[1].to = looped.transitions[1].from;
    let text = looped.to_text().unwrap();
    let err = JourneyFile::parse(&text).unwrap().to_journey().unwrap_err();
    assert!(err.to_string().contains("transitions[1]"), "{err}");

    let path = dir.path().join("broken.json");
    std::fs::write(&path, &broken).unwrap();
    let message = document::read(&path).unwrap_err().to_string();
    assert!(message.contains("broken.json"), "{message}");
}

#[test]
fn a_hand_written_minimal_file_imports_with_defaults() {
    let text = r#"{"format": "percorso-journey", "version": 1, "name": "Mini",
        "stages": [{"name": "Only"}],
        "touchpoints": [{"stage": 0, "name": "Web", "channel": "web", "kind": "digital", "entry": true, "goal": true}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("m.percorso"), false).unwrap();
    let id = ws
        .import_journey(&JourneyFile::parse(text).unwrap())
        .unwrap();
    let j = ws.journey(id).unwrap();
    assert_eq!(j.touchpoints[0].channel, Channel::Web);
    assert_eq!(j.touchpoints[0].emotion, None);
    assert!(validate(&j).is_empty());
}

#[test]
fn each_template_is_a_valid_map_across_physical_and_digital() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("t.percorso"), false).unwrap();
    assert!(templates::all().len() >= 3);
    for t in templates::all() {
        let id = ws.new_journey_from_template(t.key).unwrap();
        let j = ws.journey(id).unwrap();
        assert_eq!(validate(&j), Vec::<Warning>::new(), "{}", t.key);
        assert!(j.stages.len() >= 5, "{}", t.key);
        assert!(j.touchpoints.len() >= 15, "{}", t.key);
        assert!(j.transitions.len() >= j.touchpoints.len(), "{}", t.key);
        assert!(!j.personas.is_empty(), "{}", t.key);
        for kind in [Kind::Physical, Kind::Digital] {
            assert!(j.touchpoints.iter().any(|tp| tp.kind == kind), "{}", t.key);
        }
        // Customers move between physical and digital touchpoints.
        let kind_of: HashMap<_, _> = j.touchpoints.iter().map(|t| (t.id, t.kind)).collect();
        assert!(j
            .transitions
            .iter()
            .any(|x| kind_of[&x.from] != kind_of[&x.to]));
        for stage in &j.stages {
            assert!(
                j.touchpoints.iter().any(|tp| tp.stage == stage.id),
                "{}: empty stage {}",
                t.key,
                stage.name
            );
        }
        assert!(j.touchpoints.iter().any(|tp| tp.goal));
        assert!(j
            .touchpoints
            .iter()
            .any(|tp| tp.emotion.is_some() && !tp.pain_points.is_empty()));
        assert!(j.touchpoints.iter().any(|tp| !tp.kpis.is_empty()));
        let info = t.info();
        assert_eq!(info.touchpoints as usize, j.touchpoints.len());
        assert_eq!(info.name, j.name);
    }
    let channels: std::collections::HashSet<Channel> = ws
        .journeys()
        .unwrap()
        .iter()
        .flat_map(|s| ws.journey(s.id).unwrap().touchpoints)
        .map(|t| t.channel)
        .collect();
    assert!(channels.contains(&Channel::CallCentre) && channels.contains(&Channel::Store));
    let err = ws.new_journey_from_template("nope").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("telecom"));
}

#[test]
fn a_format_1_workspace_is_upgraded_in_place_and_keeps_its_journey() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.percorso");
    {
        // What Percorso wrote before format 2: migration 001 only, then a journey.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(include_str!(
            "../src/workspace/schema/001_journeys_and_events.sql"
        ))
        .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO journeys (id, name, description, position) VALUES (1, 'Old', 'kept', 0);
             INSERT INTO stages (id, journey_id, name, position) VALUES (1, 1, 'A', 0), (2, 1, 'B', 1);
             INSERT INTO touchpoints (id, journey_id, stage_id, name, channel, kind, x, y, is_entry, is_goal)
                 VALUES (1, 1, 1, 'Store', 'store', 'physical', 1.5, 2, 1, 0),
                        (2, 1, 2, 'Web', 'web', 'digital', 0, 0, 0, 1);
             INSERT INTO touchpoint_aliases (touchpoint_id, alias) VALUES (1, 'negozio');
             INSERT INTO transitions (id, journey_id, from_id, to_id) VALUES (1, 1, 1, 2);",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.summary().unwrap().format_version, 6);
    let j = ws.journey(JourneyId(1)).unwrap();
    assert_eq!(j.name, "Old");
    assert_eq!(j.description, "kept");
    assert!(j.personas.is_empty());
    assert!(
        j.views.is_empty(),
        "an upgraded workspace has no saved views yet"
    );
    assert!(j.stories.is_empty(), "nor stories");
    assert!(j.notes.is_empty(), "nor workshop notes");
    let store = &j.touchpoints[0];
    assert_eq!(
        (store.name.as_str(), store.x, store.entry),
        ("Store", 1.5, true)
    );
    assert_eq!(store.aliases, ["negozio"]);
    assert_eq!(store.emotion, None);
    assert!(store.pain_points.is_empty() && store.kpis.is_empty() && store.description.is_empty());
    assert!(validate(&j).is_empty());
    // And it can be edited and undone at once.
    ws.apply(
        j.id,
        &Edit::SetTouchpointField {
            touchpoint: store.id,
            field: TouchpointField::Emotion(Some(2)),
        },
    )
    .unwrap();
    drop(ws);
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.journey(j.id).unwrap().touchpoints[0].emotion, Some(2));
    assert_eq!(ws.undo(j.id).unwrap().journey, j);
}

#[test]
fn validation_warns_about_duplicates_and_unreachable_touchpoints_and_goals() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("v.percorso"), false).unwrap();
    let id = ws.new_journey_from_template("bank_onboarding").unwrap();
    let j = ws.journey(id).unwrap();
    let stage = j.stages[0].id;
    let goal = j.touchpoints.iter().find(|t| t.goal).unwrap().id;
    // Cut every way into the goal.
    let into_goal: Vec<_> = j
        .transitions
        .iter()
        .filter(|t| t.to == goal)
        .map(|t| t.id)
        .collect();
    let done = ws
        .apply(
            id,
            &Edit::Batch {
                edits: vec![
                    Edit::Delete {
                        touchpoints: vec![],
                        transitions: into_goal,
                    },
                    Edit::AddTouchpoint {
                        touchpoint: percorso::Touchpoint {
                            stage,
                            name: "comparison SITE".into(),
                            ..Default::default()
                        },
                    },
                    Edit::AddStage {
                        name: "discover ".into(),
                        position: None,
                    },
                ],
            },
        )
        .unwrap();
    let lone = done.created.touchpoints[0];
    let w = &done.warnings;
    assert!(
        w.contains(&Warning::UnreachableGoal { touchpoint: goal }),
        "{w:?}"
    );
    assert!(
        w.contains(&Warning::Unreachable { touchpoint: lone }),
        "{w:?}"
    );
    assert!(w.iter().any(|x| matches!(x, Warning::DuplicateTouchpointName { touchpoints, .. } if touchpoints.contains(&lone))), "{w:?}");
    assert!(
        w.iter()
            .any(|x| matches!(x, Warning::DuplicateStageName { stages, .. } if stages.len() == 2)),
        "{w:?}"
    );
    // Unreachable touchpoints downstream of the goal are reported too, but nothing is refused.
    assert_eq!(validate(&ws.journey(id).unwrap()), *w);
    let no_entry = ws
        .apply(
            id,
            &Edit::Batch {
                edits: j
                    .touchpoints
                    .iter()
                    .filter(|t| t.entry)
                    .map(|t| Edit::SetTouchpointField {
                        touchpoint: t.id,
                        field: TouchpointField::Entry(false),
                    })
                    .collect(),
            },
        )
        .unwrap();
    assert!(no_entry.warnings.contains(&Warning::NoEntry));
    assert!(!no_entry
        .warnings
        .iter()
        .any(|x| matches!(x, Warning::Unreachable { .. })));
}
