//! Edits of a journey as engine operations: each one is stored at once, undone and redone, also
//! after the workspace is closed and opened again.
#![cfg(test)]

use std::path::{Path, PathBuf};

use percorso::analytics::{Params, Segment};
use percorso::edit::{Edit, PastedTransition, TouchpointField};
use percorso::journey::{
    Channel, Journey, JourneyId, Kind, Kpi, NoteId, NoteKind, NoteTarget, Opportunity,
    OpportunityStatus, Persona, PersonaId, StageId, Story, StoryId, StorySlide, Touchpoint,
    TouchpointId, TransitionId, ViewId,
};
use percorso::view::{CompareState, ViewState, Viewport};
use percorso::workspace::{JourneyDraft, TouchpointDraft};
use percorso::{ErrorCode, Warning, Workspace};
use tempfile::TempDir;

/// Stages Aware, Buy, Love; touchpoints Ad (entry) → Shop → Reward (goal), and Chat in Buy
/// linked from Shop.
fn sample() -> Journey {
    let s = |id, name: &str| percorso::Stage {
        id: StageId(id),
        name: name.into(),
    };
    let t = |id, stage, name: &str, channel: Channel| Touchpoint {
        id: TouchpointId(id),
        stage: StageId(stage),
        name: name.into(),
        channel,
        kind: channel.usual_kind(),
        x: 10.0 * id as f64,
        y: 5.5,
        entry: id == 1,
        goal: id == 3,
        ..Touchpoint::default()
    };
    let tr = |id, from, to| percorso::Transition {
        id: TransitionId(id),
        from: TouchpointId(from),
        to: TouchpointId(to),
    };
    Journey {
        id: JourneyId(0),
        name: "Sample".into(),
        description: "for edits".into(),
        personas: vec![Persona {
            id: PersonaId(1),
            name: "Giulia".into(),
            description: "busy parent".into(),
            goals: vec!["buy quickly".into()],
        }],
        stages: vec![s(1, "Aware"), s(2, "Buy"), s(3, "Love")],
        touchpoints: vec![
            t(1, 1, "Ad", Channel::Social),
            t(2, 2, "Shop", Channel::Store),
            t(3, 3, "Reward", Channel::App),
            t(4, 2, "Chat", Channel::Chatbot),
        ],
        transitions: vec![tr(1, 1, 2), tr(2, 2, 3), tr(3, 2, 4)],
        views: Vec::new(),
        notes: Vec::new(),
        stories: Vec::new(),
    }
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    id: JourneyId,
    original: Journey,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edits.percorso");
    let mut ws = Workspace::create(&path, false).unwrap();
    let id = ws.insert_journey_value(&sample()).unwrap();
    let original = ws.journey(id).unwrap();
    Fixture {
        _dir: dir,
        path,
        ws,
        id,
        original,
    }
}

fn reopen(path: &Path) -> Workspace {
    Workspace::open(path).unwrap()
}

fn by_name<'a>(j: &'a Journey, name: &str) -> &'a Touchpoint {
    j.touchpoints.iter().find(|t| t.name == name).unwrap()
}

fn stage_named(j: &Journey, name: &str) -> StageId {
    j.stages.iter().find(|s| s.name == name).unwrap().id
}

/// Applies `edit`, checks that the stored journey is what the edit returned, then (after a
/// relaunch) that undo gives back the original and redo the edited journey. Returns the edited
/// journey.
fn round(f: &mut Fixture, edit: Edit) -> Journey {
    let done = f.ws.apply(f.id, &edit).unwrap();
    assert!(done.changed, "{edit:?} changed nothing");
    assert_eq!(done.journey, f.ws.journey(f.id).unwrap());
    assert_eq!(done.history.undo.as_deref(), Some(edit.label()));
    assert_eq!(done.history.redo, None);
    let edited = done.journey;
    // A relaunch keeps the map and its history.
    let mut ws = reopen(&f.path);
    assert_eq!(ws.journey(f.id).unwrap(), edited);
    let undone = ws.undo(f.id).unwrap();
    assert_eq!(undone.journey, f.original);
    assert_eq!(ws.journey(f.id).unwrap(), f.original);
    assert_eq!(undone.history.redo.as_deref(), Some(edit.label()));
    let redone = ws.redo(f.id).unwrap();
    assert_eq!(redone.journey, edited);
    assert_eq!(ws.journey(f.id).unwrap(), edited);
    f.ws = ws;
    edited
}

#[test]
fn the_sample_is_stored_as_given_with_new_ids() {
    let f = fixture();
    let j = &f.original;
    assert_eq!(j.name, "Sample");
    assert_eq!(
        j.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Aware", "Buy", "Love"]
    );
    assert_eq!(j.touchpoints.len(), 4);
    assert_eq!(j.transitions.len(), 3);
    assert_eq!(j.personas[0].goals, ["buy quickly"]);
    let shop = by_name(j, "Shop");
    assert_eq!(shop.stage, stage_named(j, "Buy"));
    assert!(j
        .transitions
        .iter()
        .any(|t| t.from == by_name(j, "Ad").id && t.to == shop.id));
    assert!(percorso::validate(j).is_empty());
}

#[test]
fn rename_and_describe_the_journey() {
    let mut f = fixture();
    let j = round(
        &mut f,
        Edit::RenameJourney {
            name: "Bought online 🛒".into(),
        },
    );
    assert_eq!(j.name, "Bought online 🛒");
    assert_eq!(f.ws.journeys().unwrap()[0].name, "Bought online 🛒");
    let mut f = fixture();
    let j = round(
        &mut f,
        Edit::SetJourneyDescription {
            description: "ﺍﻟﻌﺮﺑﻴﺔ <b>bold</b>".into(),
        },
    );
    assert_eq!(j.description, "ﺍﻟﻌﺮﺑﻴﺔ <b>bold</b>");
}

#[test]
fn add_a_stage_at_a_position_and_at_the_end() {
    let mut f = fixture();
    let j = round(
        &mut f,
        Edit::AddStage {
            name: "Consider".into(),
            position: Some(1),
        },
    );
    let names: Vec<_> = j.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Aware", "Consider", "Buy", "Love"]);
    let mut f = fixture();
    let done =
        f.ws.apply(
            f.id,
            &Edit::AddStage {
                name: "Advocate".into(),
                position: None,
            },
        )
        .unwrap();
    assert_eq!(done.journey.stages.last().unwrap().name, "Advocate");
    assert_eq!(done.created.stages, vec![done.journey.stages[3].id]);
}

#[test]
fn rename_a_stage() {
    let mut f = fixture();
    let buy = stage_named(&f.original, "Buy");
    let j = round(
        &mut f,
        Edit::RenameStage {
            stage: buy,
            name: "Purchase".into(),
        },
    );
    assert_eq!(j.stages[1].name, "Purchase");
    assert_eq!(j.stages[1].id, buy);
}

#[test]
fn reorder_stages() {
    let mut f = fixture();
    let love = stage_named(&f.original, "Love");
    let j = round(
        &mut f,
        Edit::MoveStage {
            stage: love,
            position: 0,
        },
    );
    let names: Vec<_> = j.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Love", "Aware", "Buy"]);
}

#[test]
fn deleting_an_empty_stage_needs_no_target() {
    let mut f = fixture();
    let extra =
        f.ws.apply(
            f.id,
            &Edit::AddStage {
                name: "Empty".into(),
                position: None,
            },
        )
        .unwrap();
    f.original = extra.journey;
    let empty = extra.created.stages[0];
    let j = round(
        &mut f,
        Edit::DeleteStage {
            stage: empty,
            move_touchpoints_to: None,
        },
    );
    assert_eq!(j.stages.len(), 3);
}

#[test]
fn deleting_a_stage_with_touchpoints_moves_them_to_the_chosen_stage() {
    let mut f = fixture();
    let buy = stage_named(&f.original, "Buy");
    let aware = stage_named(&f.original, "Aware");
    let refused =
        f.ws.apply(
            f.id,
            &Edit::DeleteStage {
                stage: buy,
                move_touchpoints_to: None,
            },
        )
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::StageNotEmpty);
    assert!(refused.to_string().contains("Buy"), "{refused}");
    assert_eq!(
        refused.params().get("stage").map(String::as_str),
        Some("Buy")
    );
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    assert_eq!(f.ws.history(f.id).unwrap().undo, None);
    let j = round(
        &mut f,
        Edit::DeleteStage {
            stage: buy,
            move_touchpoints_to: Some(aware),
        },
    );
    assert_eq!(j.stages.len(), 2);
    assert_eq!(by_name(&j, "Shop").stage, aware);
    assert_eq!(by_name(&j, "Chat").stage, aware);
    assert_eq!(by_name(&j, "Shop").x, by_name(&f.original, "Shop").x);
}

#[test]
fn add_a_touchpoint_with_all_its_content() {
    let mut f = fixture();
    let love = stage_named(&f.original, "Love");
    let new = Touchpoint {
        id: TouchpointId(12345),
        stage: love,
        name: "<img src=x onerror=alert(1)>".into(),
        channel: Channel::Email,
        kind: Kind::Digital,
        x: 0.1,
        y: -3.25e-7,
        entry: false,
        goal: false,
        aliases: vec!["review mail".into(), "mail-review".into()],
        description: "asks for a review".into(),
        owner: "CRM team".into(),
        emotion: Some(-2),
        pain_points: vec!["too many mails".into()],
        opportunities: vec![Opportunity {
            text: "one mail only".into(),
            owner: "Ada".into(),
            status: OpportunityStatus::InProgress,
        }],
        kpis: vec![Kpi {
            name: "CSAT".into(),
            value: Some(4.1),
            target: Some(4.5),
        }],
    };
    let done =
        f.ws.apply(
            f.id,
            &Edit::AddTouchpoint {
                touchpoint: new.clone(),
            },
        )
        .unwrap();
    let id = done.created.touchpoints[0];
    assert_ne!(id, TouchpointId(12345));
    let stored = done.journey.touchpoint(id).unwrap();
    assert_eq!(*stored, Touchpoint { id, ..new.clone() });
    // Not reachable yet: a warning, not a refusal.
    assert!(done
        .warnings
        .contains(&Warning::Unreachable { touchpoint: id }));
    f.ws.undo(f.id).unwrap();
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    let again = round(&mut f, Edit::AddTouchpoint { touchpoint: new });
    assert_eq!(again.touchpoints.len(), 5);
}

#[test]
fn update_a_touchpoint() {
    let mut f = fixture();
    let mut shop = by_name(&f.original, "Shop").clone();
    shop.name = "Flagship store".into();
    shop.emotion = Some(2);
    shop.owner = "Retail ops".into();
    shop.pain_points = vec!["queues".into(), "parking".into()];
    let j = round(
        &mut f,
        Edit::UpdateTouchpoint {
            touchpoint: shop.clone(),
        },
    );
    assert_eq!(*j.touchpoint(shop.id).unwrap(), shop);
}

#[test]
fn move_a_touchpoint_to_another_lane() {
    let mut f = fixture();
    let chat = by_name(&f.original, "Chat").id;
    let love = stage_named(&f.original, "Love");
    let j = round(
        &mut f,
        Edit::MoveTouchpoint {
            touchpoint: chat,
            stage: love,
            x: 77.5,
            y: 12.0,
        },
    );
    let moved = j.touchpoint(chat).unwrap();
    assert_eq!((moved.stage, moved.x, moved.y), (love, 77.5, 12.0));
}

#[test]
fn set_each_touchpoint_field() {
    let fields = vec![
        TouchpointField::Name("Renamed".into()),
        TouchpointField::Channel(Channel::Kiosk),
        TouchpointField::Kind(Kind::Digital),
        TouchpointField::Description("a desk by the door".into()),
        TouchpointField::Owner("Store manager".into()),
        TouchpointField::Emotion(Some(1)),
        TouchpointField::PainPoints(vec!["slow".into()]),
        TouchpointField::Opportunities(vec![Opportunity {
            text: "self check-out".into(),
            owner: "IT".into(),
            status: OpportunityStatus::Planned,
        }]),
        TouchpointField::Kpis(vec![Kpi {
            name: "NPS".into(),
            value: Some(-12.0),
            target: None,
        }]),
        TouchpointField::Entry(true),
        TouchpointField::Goal(true),
        TouchpointField::Aliases(vec!["negozio".into(), "shop visit".into()]),
    ];
    for field in fields {
        let mut f = fixture();
        let shop = by_name(&f.original, "Shop").id;
        let j = round(
            &mut f,
            Edit::SetTouchpointField {
                touchpoint: shop,
                field: field.clone(),
            },
        );
        let t = j.touchpoint(shop).unwrap();
        let ok = match &field {
            TouchpointField::Name(v) => t.name == *v,
            TouchpointField::Channel(v) => t.channel == *v,
            TouchpointField::Kind(v) => t.kind == *v,
            TouchpointField::Description(v) => t.description == *v,
            TouchpointField::Owner(v) => t.owner == *v,
            TouchpointField::Emotion(v) => t.emotion == *v,
            TouchpointField::PainPoints(v) => t.pain_points == *v,
            TouchpointField::Opportunities(v) => t.opportunities == *v,
            TouchpointField::Kpis(v) => t.kpis == *v,
            TouchpointField::Entry(v) => t.entry == *v,
            TouchpointField::Goal(v) => t.goal == *v,
            TouchpointField::Aliases(v) => t.aliases == *v,
        };
        assert!(ok, "{field:?} was not set: {t:?}");
    }
}

#[test]
fn bad_field_values_are_refused_and_change_nothing() {
    let mut f = fixture();
    let shop = by_name(&f.original, "Shop").id;
    let bad = [
        TouchpointField::Emotion(Some(3)),
        TouchpointField::Emotion(Some(-3)),
        TouchpointField::Name("   ".into()),
        TouchpointField::Aliases(vec!["a".into(), "a".into()]),
        TouchpointField::Kpis(vec![Kpi {
            name: "NPS".into(),
            value: Some(f64::NAN),
            target: None,
        }]),
    ];
    for field in bad {
        let err =
            f.ws.apply(
                f.id,
                &Edit::SetTouchpointField {
                    touchpoint: shop,
                    field: field.clone(),
                },
            )
            .unwrap_err();
        // An empty name has a code of its own; the other refusals say what was wrong.
        let expected = match field {
            TouchpointField::Name(_) => ErrorCode::NameRequired,
            _ => ErrorCode::InvalidInput,
        };
        assert_eq!(err.code(), expected, "{field:?}");
    }
    let missing =
        f.ws.apply(
            f.id,
            &Edit::DeleteTouchpoint {
                touchpoint: TouchpointId(999),
            },
        )
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    assert_eq!(f.ws.history(f.id).unwrap().undo, None);
}

#[test]
fn setting_what_is_already_there_is_not_an_undo_step() {
    let mut f = fixture();
    let done =
        f.ws.apply(
            f.id,
            &Edit::RenameJourney {
                name: "Sample".into(),
            },
        )
        .unwrap();
    assert!(!done.changed);
    assert_eq!(done.history.undo, None);
}

#[test]
fn deleting_a_touchpoint_removes_its_transitions() {
    let mut f = fixture();
    let shop = by_name(&f.original, "Shop").id;
    let j = round(&mut f, Edit::DeleteTouchpoint { touchpoint: shop });
    assert_eq!(j.touchpoints.len(), 3);
    assert!(j.transitions.is_empty());
    assert!(j.touchpoint(shop).is_none());
}

#[test]
fn add_and_delete_a_transition() {
    let mut f = fixture();
    let ad = by_name(&f.original, "Ad").id;
    let reward = by_name(&f.original, "Reward").id;
    let j = round(
        &mut f,
        Edit::AddTransition {
            from: ad,
            to: reward,
        },
    );
    assert!(j.transitions.iter().any(|t| t.from == ad && t.to == reward));
    for (from, to) in [(ad, reward), (ad, ad)] {
        let err =
            f.ws.apply(f.id, &Edit::AddTransition { from, to })
                .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
    }
    let mut f = fixture();
    let first = f.original.transitions[0].id;
    let j = round(&mut f, Edit::DeleteTransition { transition: first });
    assert_eq!(j.transitions.len(), 2);
}

#[test]
fn persona_edits() {
    let mut f = fixture();
    let j = round(
        &mut f,
        Edit::AddPersona {
            persona: Persona {
                id: PersonaId(0),
                name: "Marco".into(),
                description: "retired, shops in store".into(),
                goals: vec!["advice".into(), "no queue".into()],
            },
        },
    );
    assert_eq!(j.personas.len(), 2);
    assert_eq!(j.personas[1].goals, ["advice", "no queue"]);
    let mut f = fixture();
    let mut giulia = f.original.personas[0].clone();
    giulia.goals.push("free delivery".into());
    let j = round(
        &mut f,
        Edit::UpdatePersona {
            persona: giulia.clone(),
        },
    );
    assert_eq!(j.personas, vec![giulia.clone()]);
    let mut f = fixture();
    let j = round(&mut f, Edit::DeletePersona { persona: giulia.id });
    assert!(j.personas.is_empty());
}

#[test]
fn delete_a_selection_of_touchpoints_and_transitions() {
    let mut f = fixture();
    let chat = by_name(&f.original, "Chat").id;
    let ad_shop = f.original.transitions[0].id;
    let shop_chat = f.original.transitions[2].id;
    let j = round(
        &mut f,
        Edit::Delete {
            touchpoints: vec![chat],
            transitions: vec![ad_shop, shop_chat],
        },
    );
    assert_eq!(j.touchpoints.len(), 3);
    assert_eq!(j.transitions.len(), 1);
}

#[test]
fn paste_touchpoints_with_the_transitions_between_them() {
    let mut f = fixture();
    let copied = vec![
        by_name(&f.original, "Shop").clone(),
        by_name(&f.original, "Reward").clone(),
    ];
    let done =
        f.ws.apply(
            f.id,
            &Edit::Paste {
                touchpoints: copied.clone(),
                transitions: vec![PastedTransition { from: 0, to: 1 }],
            },
        )
        .unwrap();
    let new = &done.created.touchpoints;
    assert_eq!(new.len(), 2);
    assert!(new.iter().all(|id| !copied.iter().any(|c| c.id == *id)));
    assert_eq!(done.created.transitions.len(), 1);
    assert!(done
        .journey
        .transitions
        .iter()
        .any(|t| t.from == new[0] && t.to == new[1]));
    // Pasted names duplicate the originals: a warning.
    assert!(done
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::DuplicateTouchpointName { name, .. } if name == "Shop")));
    f.ws.undo(f.id).unwrap();
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
}

#[test]
fn a_batch_is_one_step_and_all_or_nothing() {
    let mut f = fixture();
    let ad = by_name(&f.original, "Ad").id;
    let shop = by_name(&f.original, "Shop").id;
    let good = Edit::Batch {
        edits: vec![
            Edit::SetTouchpointField {
                touchpoint: ad,
                field: TouchpointField::Emotion(Some(-1)),
            },
            Edit::DeleteTouchpoint { touchpoint: shop },
        ],
    };
    let j = round(&mut f, good);
    assert_eq!(j.touchpoint(ad).unwrap().emotion, Some(-1));
    let before = f.ws.journey(f.id).unwrap();
    let bad = Edit::Batch {
        edits: vec![
            Edit::RenameJourney { name: "X".into() },
            Edit::DeleteTouchpoint { touchpoint: shop },
        ],
    };
    assert_eq!(
        f.ws.apply(f.id, &bad).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(f.ws.journey(f.id).unwrap(), before);
}

#[test]
fn a_new_edit_clears_redo_and_undo_stops_at_the_start() {
    let mut f = fixture();
    let rename = |n: &str| Edit::RenameJourney { name: n.into() };
    f.ws.apply(f.id, &rename("A")).unwrap();
    f.ws.apply(f.id, &rename("B")).unwrap();
    f.ws.undo(f.id).unwrap();
    assert_eq!(
        f.ws.history(f.id).unwrap().redo.as_deref(),
        Some("rename journey")
    );
    let done = f.ws.apply(f.id, &rename("C")).unwrap();
    assert_eq!(done.history.redo, None);
    let again = f.ws.redo(f.id).unwrap();
    assert!(!again.changed);
    assert_eq!(again.journey.name, "C");
    f.ws.undo(f.id).unwrap();
    let first = f.ws.undo(f.id).unwrap();
    assert_eq!(first.journey, f.original);
    let nothing = f.ws.undo(f.id).unwrap();
    assert!(!nothing.changed);
    assert_eq!(nothing.journey, f.original);
}

#[test]
fn undo_refuses_to_overwrite_a_change_made_outside_the_editor() {
    let mut f = fixture();
    let shop = by_name(&f.original, "Shop").id;
    f.ws.apply(
        f.id,
        &Edit::SetTouchpointField {
            touchpoint: shop,
            field: TouchpointField::Aliases(vec!["negozio".into()]),
        },
    )
    .unwrap();
    // Another program (or an older Percorso) writes to the file behind the editor's back.
    rusqlite::Connection::open(&f.path)
        .unwrap()
        .execute(
            "INSERT INTO touchpoint_aliases (touchpoint_id, alias) VALUES (?1, 'boutique')",
            [shop.0],
        )
        .unwrap();
    let err = f.ws.undo(f.id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("changed outside the editor"));
    assert_eq!(
        f.ws.journey(f.id)
            .unwrap()
            .touchpoint(shop)
            .unwrap()
            .aliases,
        ["negozio", "boutique"]
    );
    assert_eq!(f.ws.history(f.id).unwrap().undo, None);
}

#[test]
fn a_log_value_mapped_to_a_just_edited_touchpoint_undoes_as_its_own_step() {
    let mut f = fixture();
    let shop = by_name(&f.original, "Shop").id;
    let rename = Edit::SetTouchpointField {
        touchpoint: shop,
        field: TouchpointField::Name("Boutique".into()),
    };
    let renamed = f.ws.apply(f.id, &rename).unwrap().journey;
    // What the import wizard's "map to touchpoint" does.
    let mapped = f.ws.add_alias(shop, "negozio").unwrap();
    assert!(mapped.changed);
    assert_eq!(mapped.journey, f.ws.journey(f.id).unwrap());
    assert_eq!(
        mapped.journey.touchpoint(shop).unwrap().aliases,
        ["negozio"]
    );
    assert_eq!(mapped.history.undo.as_deref(), Some("edit touchpoint"));
    // Mapping a value the touchpoint already has is no step at all.
    assert!(!f.ws.add_alias(shop, "negozio").unwrap().changed);

    let first = f.ws.undo(f.id).unwrap();
    assert_eq!(first.journey, renamed);
    assert_eq!(first.history.undo.as_deref(), Some("rename touchpoint"));
    let second = f.ws.undo(f.id).unwrap();
    assert_eq!(second.journey, f.original);
    assert_eq!(second.history.redo.as_deref(), Some("rename touchpoint"));
    // The history is intact: both steps redo.
    assert_eq!(f.ws.redo(f.id).unwrap().journey, renamed);
    assert_eq!(f.ws.redo(f.id).unwrap().journey, mapped.journey);
}

#[test]
fn mapping_a_log_value_to_a_missing_touchpoint_is_refused() {
    let mut f = fixture();
    let err = f.ws.add_alias(TouchpointId(999), "negozio").unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
}

#[test]
fn a_touchpoint_made_from_a_log_value_is_one_step_on_the_first_free_slot_of_its_band() {
    let mut f = fixture();
    // By default it goes to the journey's first stage, in the band its channel belongs to.
    let kiosk = round(
        &mut f,
        Edit::AddTouchpointForValue {
            value: "Kiosk".into(),
            channel: Channel::Store,
            stage: None,
        },
    );
    let made = by_name(&kiosk, "Kiosk");
    assert_eq!(made.stage, stage_named(&f.original, "Aware"));
    assert_eq!((made.channel, made.kind), (Channel::Store, Kind::Physical));
    assert_eq!((made.x, made.y), percorso::layout::slot(0));
    f.ws.undo(f.id).unwrap();

    // In a given stage, a slot a touchpoint of the band sits on is not free.
    let buy = stage_named(&f.original, "Buy");
    let in_buy = round(
        &mut f,
        Edit::AddTouchpointForValue {
            value: "Kiosk".into(),
            channel: Channel::Store,
            stage: Some(buy),
        },
    );
    let made = by_name(&in_buy, "Kiosk");
    assert_eq!(made.stage, buy);
    assert_eq!((made.x, made.y), percorso::layout::slot(1));
}

#[test]
fn a_journey_without_stages_gets_one_for_a_touchpoint_made_from_a_log_value() {
    let mut f = fixture();
    let empty = f.ws.new_journey("Empty", "").unwrap();
    let done =
        f.ws.apply(
            empty,
            &Edit::AddTouchpointForValue {
                value: "Promo SMS".into(),
                channel: Channel::Sms,
                stage: None,
            },
        )
        .unwrap();
    assert_eq!(done.journey.stages.len(), 1);
    assert_eq!(done.journey.stages[0].name, "Unassigned");
    assert_eq!(done.journey.touchpoints[0].stage, done.journey.stages[0].id);
    assert_eq!(done.history.undo.as_deref(), Some("add touchpoint"));
    let undone = f.ws.undo(empty).unwrap();
    assert!(undone.journey.stages.is_empty() && undone.journey.touchpoints.is_empty());
    // A stage of another journey is refused.
    let elsewhere = stage_named(&f.original, "Buy");
    let err =
        f.ws.apply(
            empty,
            &Edit::AddTouchpointForValue {
                value: "Promo SMS".into(),
                channel: Channel::Sms,
                stage: Some(elsewhere),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn ids_freed_by_undo_are_not_given_to_other_rows() {
    let mut f = fixture();
    let love = stage_named(&f.original, "Love");
    let add = |name: &str| Edit::AddTouchpoint {
        touchpoint: Touchpoint {
            stage: love,
            name: name.into(),
            ..Touchpoint::default()
        },
    };
    let first = f.ws.apply(f.id, &add("one")).unwrap().created.touchpoints[0];
    f.ws.undo(f.id).unwrap();
    let second = f.ws.apply(f.id, &add("two")).unwrap().created.touchpoints[0];
    assert_ne!(first, second);
}

#[test]
fn journeys_are_separate_with_their_own_history() {
    let mut f = fixture();
    let other = f.ws.new_journey("Second", "").unwrap();
    assert_eq!(f.ws.journeys().unwrap().len(), 2);
    f.ws.apply(
        other,
        &Edit::AddStage {
            name: "Only".into(),
            position: None,
        },
    )
    .unwrap();
    f.ws.apply(
        f.id,
        &Edit::RenameJourney {
            name: "First".into(),
        },
    )
    .unwrap();
    let back = f.ws.undo(other).unwrap();
    assert!(back.journey.stages.is_empty());
    assert_eq!(f.ws.journey(f.id).unwrap().name, "First");
    f.ws.delete_journey(other).unwrap();
    assert_eq!(f.ws.journeys().unwrap().len(), 1);
    assert_eq!(f.ws.journey(other).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_large_journey_applies_an_edit_in_well_under_50_ms() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("big.percorso"), false).unwrap();
    let stages: Vec<percorso::Stage> = (0..10)
        .map(|i| percorso::Stage {
            id: StageId(i),
            name: format!("Stage {i}"),
        })
        .collect();
    let touchpoints: Vec<Touchpoint> = (0..300)
        .map(|i| Touchpoint {
            id: TouchpointId(i),
            stage: StageId(i / 30),
            name: format!("Touchpoint {i}"),
            entry: i == 0,
            goal: i == 299,
            pain_points: vec!["slow".into()],
            kpis: vec![Kpi {
                name: "CSAT".into(),
                value: Some(4.0),
                target: Some(4.5),
            }],
            ..Touchpoint::default()
        })
        .collect();
    let transitions = (0..600)
        .map(|i| percorso::Transition {
            id: TransitionId(i),
            from: TouchpointId(i / 2),
            to: TouchpointId((i / 2 + 1 + (i % 2) * 7) % 300),
        })
        .filter(|t| t.from != t.to)
        .collect();
    let big = Journey {
        name: "Big".into(),
        stages,
        touchpoints,
        transitions,
        ..Journey::default()
    };
    let id = ws.insert_journey_value(&big).unwrap();
    let j = ws.journey(id).unwrap();
    assert_eq!(j.touchpoints.len(), 300);
    assert!(j.transitions.len() >= 590);
    let target = j.touchpoints[150].id;
    let mut times = Vec::new();
    for i in 0..10 {
        let start = std::time::Instant::now();
        let done = ws
            .apply(
                id,
                &Edit::MoveTouchpoint {
                    touchpoint: target,
                    stage: j.stages[i % 10].id,
                    x: i as f64,
                    y: 1.0,
                },
            )
            .unwrap();
        times.push(start.elapsed());
        assert!(done.changed);
        let start = std::time::Instant::now();
        ws.undo(id).unwrap();
        ws.redo(id).unwrap();
        times.push(start.elapsed() / 2);
    }
    times.sort();
    let median = times[times.len() / 2];
    let start = std::time::Instant::now();
    assert!(ws.apply(id, &Edit::Tidy).unwrap().changed);
    let tidy = start.elapsed();
    eprintln!(
        "300 touchpoints, 600 transitions: edit, undo or redo median {median:?}, slowest {:?}; tidy (moves all 300) {tidy:?}",
        times[times.len() - 1]
    );
    // Debug build. Most of the time is the commit's fsync (the engine's own work, loading,
    // diffing, writing and validating, is about 5 ms); the median, so that one disk hiccup of a
    // shared machine does not fail the test.
    assert!(
        median < std::time::Duration::from_millis(50),
        "an edit took {median:?}"
    );
    assert!(
        tidy < std::time::Duration::from_millis(500),
        "tidy took {tidy:?}"
    );
}

#[test]
fn redo_never_writes_over_a_row_another_journey_took_meanwhile() {
    let mut f = fixture();
    let love = stage_named(&f.original, "Love");
    let added =
        f.ws.apply(
            f.id,
            &Edit::AddTouchpoint {
                touchpoint: Touchpoint {
                    stage: love,
                    name: "Mine".into(),
                    ..Touchpoint::default()
                },
            },
        )
        .unwrap()
        .created
        .touchpoints[0];
    f.ws.undo(f.id).unwrap();
    // An import into a workspace without a map stores its journey with plain SQLite row ids,
    // so it gives the next row id, which undo just freed, to another journey.
    let other =
        f.ws.insert_journey(&JourneyDraft {
            name: "Other".into(),
            description: String::new(),
            stages: vec!["Unassigned".into()],
            touchpoints: vec![TouchpointDraft {
                stage: 0,
                name: "Theirs".into(),
                channel: Channel::Web,
                kind: Kind::Digital,
                x: 0.0,
                y: 0.0,
                entry: false,
                goal: false,
            }],
            transitions: Vec::new(),
        })
        .unwrap();
    let theirs = f.ws.journey(other).unwrap().touchpoints[0].id;
    assert_eq!(theirs, added);
    let err = f.ws.redo(f.id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("cannot be redone"), "{err}");
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    let kept = f.ws.journey(other).unwrap();
    assert_eq!(kept.touchpoint(theirs).unwrap().name, "Theirs");
}

#[test]
fn the_history_keeps_the_latest_steps_up_to_its_limit() {
    let mut f = fixture();
    let limit = 20;
    f.ws.set_history_limit(limit as u32);
    for i in 0..limit + 3 {
        f.ws.apply(
            f.id,
            &Edit::SetJourneyDescription {
                description: format!("v{i}"),
            },
        )
        .unwrap();
    }
    let mut undone = 0;
    while f.ws.undo(f.id).unwrap().changed {
        undone += 1;
    }
    assert_eq!(undone, limit);
    // The oldest steps were forgotten: undo stops at the state after them.
    assert_eq!(f.ws.journey(f.id).unwrap().description, "v2");
}

/// Run as a child process by the test below: applies three edits and dies without closing.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os("PERCORSO_CRASH_CHILD") else {
        return;
    };
    let mut ws = Workspace::open(&path).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    for name in ["one", "two", "three"] {
        ws.apply(id, &Edit::RenameJourney { name: name.into() })
            .unwrap();
    }
    std::process::abort();
}

#[test]
fn edits_survive_a_crash_of_the_process_that_made_them() {
    let f = fixture();
    drop(f.ws);
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env("PERCORSO_CRASH_CHILD", &f.path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child was meant to abort");
    let mut ws = reopen(&f.path);
    assert_eq!(ws.journey(f.id).unwrap().name, "three");
    for expected in ["two", "one", "Sample"] {
        assert_eq!(ws.undo(f.id).unwrap().journey.name, expected);
    }
    assert_eq!(ws.journey(f.id).unwrap(), f.original);
}

#[test]
fn tidy_puts_touchpoints_on_their_lane_slots_in_path_order_and_undoes_as_one_step() {
    let mut f = fixture();
    // Scatter the map first, then tidy it.
    let scattered =
        f.ws.apply(
            f.id,
            &Edit::Batch {
                edits: f
                    .original
                    .touchpoints
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Edit::MoveTouchpoint {
                        touchpoint: t.id,
                        stage: t.stage,
                        x: 500.0 - 37.0 * i as f64,
                        y: 900.0 - 100.0 * i as f64,
                    })
                    .collect(),
            },
        )
        .unwrap();
    f.original = scattered.journey;
    let j = round(&mut f, Edit::Tidy);
    for (before, after) in f.original.touchpoints.iter().zip(&j.touchpoints) {
        assert_eq!(
            (before.id, before.stage, before.kind),
            (after.id, after.stage, after.kind)
        );
        assert!((0.0..=130.0).contains(&after.x), "{after:?}");
    }
    // Shop and Chat share the Buy lane but not a band; within a band rows start at the top.
    let shop = by_name(&j, "Shop");
    assert_eq!((shop.x, shop.y), percorso::layout::slot(0));
    // Tidying a tidy map changes nothing.
    assert!(!f.ws.apply(f.id, &Edit::Tidy).unwrap().changed);
}

#[test]
fn tidy_orders_a_band_by_distance_from_the_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("t.percorso"), false).unwrap();
    let one = |id, name: &str, entry| Touchpoint {
        id: TouchpointId(id),
        stage: StageId(1),
        name: name.into(),
        entry,
        // Drawn bottom-up: the furthest from the entry at the top.
        y: 1000.0 - 100.0 * id as f64,
        ..Touchpoint::default()
    };
    let link = |id, from, to| percorso::Transition {
        id: TransitionId(id),
        from: TouchpointId(from),
        to: TouchpointId(to),
    };
    let value = Journey {
        name: "Chain".into(),
        stages: vec![percorso::Stage {
            id: StageId(1),
            name: "All".into(),
        }],
        touchpoints: vec![
            one(1, "start", true),
            one(2, "second", false),
            one(3, "third", false),
            one(4, "alone", false),
        ],
        transitions: vec![link(1, 1, 2), link(2, 2, 3)],
        ..Journey::default()
    };
    let id = ws.insert_journey_value(&value).unwrap();
    let j = ws.apply(id, &Edit::Tidy).unwrap().journey;
    let mut rows: Vec<(f64, &str)> = j
        .touchpoints
        .iter()
        .map(|t| (t.y, t.name.as_str()))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<&str> = rows.iter().map(|r| r.1).collect();
    assert_eq!(order, ["start", "second", "third", "alone"]);
}

fn a_view_state() -> ViewState {
    ViewState {
        params: Params {
            from_ms: Some(1_782_864_000_000),
            to_ms: Some(1_790_812_800_000),
            segments: vec![Segment {
                attribute: "region".into(),
                value: "North".into(),
            }],
            channels: vec!["store".into()],
            ..Params::default()
        },
        metric: "engagement_rate".into(),
        compare: Some(CompareState::Segments {
            segments: vec![Segment {
                attribute: "region".into(),
                value: "South".into(),
            }],
        }),
        transitions_pct: Some(60),
        touchpoints_pct: None,
        selected: Some(TouchpointId(2)),
        customer: Some("c-17".into()),
        viewport: Some(Viewport {
            x: -120.5,
            y: 16.0,
            zoom: 0.75,
        }),
        trends: true,
    }
}

fn view_names(j: &Journey) -> Vec<&str> {
    j.views.iter().map(|v| v.name.as_str()).collect()
}

#[test]
fn a_saved_view_keeps_its_whole_state_and_is_one_undoable_step() {
    let mut f = fixture();
    let state = a_view_state();
    let saved = round(
        &mut f,
        Edit::SaveView {
            name: "North, last quarter".into(),
            state: state.clone(),
        },
    );
    assert_eq!(view_names(&saved), ["North, last quarter"]);
    assert_eq!(
        saved.views[0].state, state,
        "every field comes back as saved"
    );
    assert_eq!(
        reopen(&f.path).journey(f.id).unwrap().views[0].state,
        state,
        "and after a relaunch"
    );
}

#[test]
fn views_are_renamed_reordered_updated_and_deleted_each_as_one_step() {
    let mut f = fixture();
    for name in ["Opening", "Drop-off", "Closing"] {
        let state = ViewState {
            metric: "dropoff_rate".into(),
            ..ViewState::default()
        };
        let name = name.into();
        f.ws.apply(f.id, &Edit::SaveView { name, state }).unwrap();
    }
    f.original = f.ws.journey(f.id).unwrap();
    let id = |j: &Journey, name: &str| j.views.iter().find(|v| v.name == name).unwrap().id;
    let drop = id(&f.original, "Drop-off");

    let renamed = round(
        &mut f,
        Edit::RenameView {
            view: drop,
            name: "Where they leave".into(),
        },
    );
    assert_eq!(
        view_names(&renamed),
        ["Opening", "Where they leave", "Closing"]
    );

    f.original = renamed;
    let moved = round(
        &mut f,
        Edit::MoveView {
            view: drop,
            position: 0,
        },
    );
    assert_eq!(
        view_names(&moved),
        ["Where they leave", "Opening", "Closing"]
    );

    f.original = moved;
    let state = a_view_state();
    let updated = round(
        &mut f,
        Edit::UpdateView {
            view: drop,
            state: state.clone(),
        },
    );
    assert_eq!(updated.views[0].state, state);
    assert_eq!(
        updated.views[1].state.metric, "dropoff_rate",
        "the others stay"
    );

    f.original = updated;
    let deleted = round(&mut f, Edit::DeleteView { view: drop });
    assert_eq!(view_names(&deleted), ["Opening", "Closing"]);
}

#[test]
fn a_view_needs_a_name_and_an_unknown_view_is_refused_leaving_the_journey_as_it_was() {
    let mut f = fixture();
    let blank = Edit::SaveView {
        name: "  ".into(),
        state: ViewState::default(),
    };
    let refused = f.ws.apply(f.id, &blank).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::NameRequired);
    for edit in [
        Edit::RenameView {
            view: ViewId(99),
            name: "x".into(),
        },
        Edit::DeleteView { view: ViewId(99) },
        Edit::MoveView {
            view: ViewId(99),
            position: 0,
        },
    ] {
        let refused = f.ws.apply(f.id, &edit).unwrap_err();
        assert_eq!(refused.code(), ErrorCode::NotFound, "{edit:?}");
    }
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    assert_eq!(f.ws.history(f.id).unwrap().undo, None);
}

#[test]
fn a_view_id_freed_by_undo_is_not_given_to_the_next_view() {
    let mut f = fixture();
    let save = |name: &str| Edit::SaveView {
        name: name.into(),
        state: ViewState::default(),
    };
    let first = f.ws.apply(f.id, &save("First")).unwrap().created.views;
    f.ws.undo(f.id).unwrap();
    let second = f.ws.apply(f.id, &save("Second")).unwrap().created.views;
    assert_eq!(first.len(), 1);
    assert_eq!(second.len(), 1);
    assert_ne!(first, second);
}

fn stage_id(j: &Journey, name: &str) -> StageId {
    j.stages.iter().find(|s| s.name == name).unwrap().id
}

fn note_on(j: &Journey, touchpoint: &str, kind: NoteKind, text: &str) -> Edit {
    Edit::AddNote {
        target: NoteTarget::Touchpoint {
            touchpoint: by_name(j, touchpoint).id,
        },
        kind,
        text: text.into(),
    }
}

fn note_texts(j: &Journey) -> Vec<&str> {
    j.notes.iter().map(|n| n.text.as_str()).collect()
}

#[test]
fn workshop_notes_are_added_on_touchpoints_and_stages_and_deleted_each_as_one_step() {
    let mut f = fixture();
    let shop = by_name(&f.original, "Shop").id;
    let edit = note_on(
        &f.original,
        "Shop",
        NoteKind::PainPoint,
        "  Queues at the till  ",
    );
    let added = round(&mut f, edit);
    assert_eq!(added.notes.len(), 1);
    let note = &added.notes[0];
    assert_eq!(note.target, NoteTarget::Touchpoint { touchpoint: shop });
    assert_eq!(note.kind, NoteKind::PainPoint);
    assert_eq!(
        note.text, "Queues at the till",
        "kept without the spaces around it"
    );

    f.original = added;
    let buy = stage_id(&f.original, "Buy");
    let on_stage = round(
        &mut f,
        Edit::AddNote {
            target: NoteTarget::Stage { stage: buy },
            kind: NoteKind::Question,
            text: "Why do so many stop here?".into(),
        },
    );
    assert_eq!(
        note_texts(&on_stage),
        ["Queues at the till", "Why do so many stop here?"],
        "in the order they were taken"
    );
    assert_eq!(on_stage.notes[1].target, NoteTarget::Stage { stage: buy });

    f.original = on_stage;
    let first = f.original.notes[0].id;
    let deleted = round(&mut f, Edit::DeleteNote { note: first });
    assert_eq!(note_texts(&deleted), ["Why do so many stop here?"]);
}

#[test]
fn a_deleted_touchpoint_or_stage_takes_its_notes_in_the_same_step_and_undo_brings_them_back() {
    let mut f = fixture();
    let j = f.original.clone();
    for edit in [
        note_on(&j, "Chat", NoteKind::Opportunity, "Hand off to a person"),
        note_on(&j, "Shop", NoteKind::PainPoint, "Queues"),
        Edit::AddNote {
            target: NoteTarget::Stage {
                stage: stage_id(&j, "Buy"),
            },
            kind: NoteKind::Question,
            text: "Is Buy one stage or two?".into(),
        },
    ] {
        f.ws.apply(f.id, &edit).unwrap();
    }
    f.original = f.ws.journey(f.id).unwrap();

    // `round` checks that undo gives back the journey with every note, after a relaunch too.
    let chat = by_name(&f.original, "Chat").id;
    let without_chat = round(
        &mut f,
        Edit::Delete {
            touchpoints: vec![chat],
            transitions: Vec::new(),
        },
    );
    assert_eq!(
        note_texts(&without_chat),
        ["Queues", "Is Buy one stage or two?"]
    );

    f.original = without_chat;
    let edit = Edit::DeleteStage {
        stage: stage_id(&f.original, "Buy"),
        move_touchpoints_to: Some(stage_id(&f.original, "Love")),
    };
    let without_buy = round(&mut f, edit);
    assert_eq!(
        note_texts(&without_buy),
        ["Queues"],
        "the stage's note goes; its touchpoints' notes move with them"
    );
}

#[test]
fn a_note_needs_text_and_a_subject_that_exists_and_a_refused_one_changes_nothing() {
    let mut f = fixture();
    let blank = note_on(&f.original, "Shop", NoteKind::Question, " \t ");
    assert_eq!(
        f.ws.apply(f.id, &blank).unwrap_err().code(),
        ErrorCode::NameRequired
    );
    for edit in [
        Edit::AddNote {
            target: NoteTarget::Touchpoint {
                touchpoint: TouchpointId(999),
            },
            kind: NoteKind::PainPoint,
            text: "x".into(),
        },
        Edit::AddNote {
            target: NoteTarget::Stage {
                stage: StageId(999),
            },
            kind: NoteKind::PainPoint,
            text: "x".into(),
        },
        Edit::DeleteNote { note: NoteId(999) },
    ] {
        let refused = f.ws.apply(f.id, &edit).unwrap_err();
        assert_eq!(refused.code(), ErrorCode::NotFound, "{edit:?}");
    }
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    assert_eq!(f.ws.history(f.id).unwrap().undo, None);
}

/// Saves views "Opening", "Drop-off" and "Closing" and returns their ids in that order.
fn three_views(f: &mut Fixture) -> [ViewId; 3] {
    let mut ids = Vec::new();
    for name in ["Opening", "Drop-off", "Closing"] {
        let state = ViewState {
            metric: "dropoff_rate".into(),
            ..ViewState::default()
        };
        let done = f.ws.apply(
            f.id,
            &Edit::SaveView {
                name: name.into(),
                state,
            },
        );
        ids.extend(done.unwrap().created.views);
    }
    f.original = f.ws.journey(f.id).unwrap();
    [ids[0], ids[1], ids[2]]
}

fn slide(view: ViewId, title: &str, note: &str) -> StorySlide {
    StorySlide {
        view,
        title: title.into(),
        note: note.into(),
    }
}

fn slide_views(story: &Story) -> Vec<ViewId> {
    story.slides.iter().map(|s| s.view).collect()
}

#[test]
fn a_story_is_saved_updated_and_deleted_each_as_one_undoable_step() {
    let mut f = fixture();
    let [opening, drop, closing] = three_views(&mut f);
    let saved = round(
        &mut f,
        Edit::SaveStory {
            title: "  Quarterly review ".into(),
            slides: vec![
                slide(opening, " Where we stand ", "Reach is up."),
                slide(drop, "", "  Checkout loses one in four.  "),
            ],
        },
    );
    assert_eq!(saved.stories.len(), 1);
    let story = &saved.stories[0];
    assert_eq!(story.title, "Quarterly review", "kept without the spaces");
    assert_eq!(
        story.slides,
        [
            slide(opening, "Where we stand", "Reach is up."),
            slide(drop, "", "Checkout loses one in four."),
        ]
    );
    let id = story.id;

    // Reordered, one slide added and a note rewritten: one step.
    f.original = saved;
    let updated = round(
        &mut f,
        Edit::UpdateStory {
            story: id,
            title: "Q3 review".into(),
            slides: vec![
                slide(drop, "", "One in four leave at checkout."),
                slide(opening, "Where we stand", "Reach is up."),
                slide(closing, "Next", ""),
            ],
        },
    );
    assert_eq!(updated.stories[0].title, "Q3 review");
    assert_eq!(slide_views(&updated.stories[0]), [drop, opening, closing]);
    assert_eq!(
        updated.stories[0].slides[0].note,
        "One in four leave at checkout."
    );
    assert_eq!(
        reopen(&f.path).journey(f.id).unwrap().stories,
        updated.stories,
        "and after a relaunch"
    );

    f.original = updated;
    let second = round(
        &mut f,
        Edit::SaveStory {
            title: "Short one".into(),
            slides: Vec::new(),
        },
    );
    let titles: Vec<&str> = second.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Q3 review", "Short one"], "in the order made");

    f.original = second;
    let deleted = round(&mut f, Edit::DeleteStory { story: id });
    let titles: Vec<&str> = deleted.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Short one"]);
}

#[test]
fn a_deleted_view_takes_its_slides_in_the_same_step_and_undo_brings_them_back() {
    let mut f = fixture();
    let [opening, drop, closing] = three_views(&mut f);
    for title in ["Board", "Team"] {
        let slides = vec![
            slide(opening, "", ""),
            slide(drop, "", "the drop"),
            slide(closing, "", ""),
        ];
        let title = title.into();
        f.ws.apply(f.id, &Edit::SaveStory { title, slides })
            .unwrap();
    }
    f.original = f.ws.journey(f.id).unwrap();
    // `round` checks that undo gives back both stories whole, after a relaunch too.
    let without = round(&mut f, Edit::DeleteView { view: drop });
    for story in &without.stories {
        assert_eq!(slide_views(story), [opening, closing], "{}", story.title);
    }
    assert_eq!(without.views.len(), 2);
}

#[test]
fn a_story_needs_a_title_and_views_that_exist_and_a_refused_one_changes_nothing() {
    let mut f = fixture();
    let [opening, ..] = three_views(&mut f);
    let blank = Edit::SaveStory {
        title: " ".into(),
        slides: vec![slide(opening, "", "")],
    };
    assert_eq!(
        f.ws.apply(f.id, &blank).unwrap_err().code(),
        ErrorCode::NameRequired
    );
    let done = f.ws.apply(
        f.id,
        &Edit::SaveStory {
            title: "Board".into(),
            slides: vec![slide(opening, "", "")],
        },
    );
    let story = done.unwrap().created.stories[0];
    f.original = f.ws.journey(f.id).unwrap();
    let undo_before = f.ws.history(f.id).unwrap().undo;
    for edit in [
        Edit::SaveStory {
            title: "Ghost".into(),
            slides: vec![slide(opening, "", ""), slide(ViewId(999), "", "")],
        },
        Edit::UpdateStory {
            story,
            title: "Board".into(),
            slides: vec![slide(ViewId(999), "", "")],
        },
        Edit::UpdateStory {
            story: StoryId(999),
            title: "x".into(),
            slides: Vec::new(),
        },
        Edit::DeleteStory {
            story: StoryId(999),
        },
    ] {
        let refused = f.ws.apply(f.id, &edit).unwrap_err();
        assert_eq!(refused.code(), ErrorCode::NotFound, "{edit:?}");
    }
    assert_eq!(f.ws.journey(f.id).unwrap(), f.original);
    assert_eq!(f.ws.history(f.id).unwrap().undo, undo_before);
}

/// The sample with a note on Shop and one on stage Love, a view with Chat selected and one
/// without, and a story showing them in reverse order: every reference by the value's own ids.
fn sample_with_workshop() -> Journey {
    let view = |id, name: &str, selected| percorso::journey::SavedView {
        id: ViewId(id),
        name: name.into(),
        state: ViewState {
            selected,
            ..a_view_state()
        },
    };
    Journey {
        notes: vec![
            percorso::journey::Note {
                id: NoteId(40),
                target: NoteTarget::Touchpoint {
                    touchpoint: TouchpointId(2),
                },
                kind: NoteKind::PainPoint,
                text: "Queue at the till".into(),
            },
            percorso::journey::Note {
                id: NoteId(41),
                target: NoteTarget::Stage { stage: StageId(3) },
                kind: NoteKind::Question,
                text: "Who comes back?".into(),
            },
        ],
        views: vec![
            view(7, "Chat open", Some(TouchpointId(4))),
            view(9, "Everything", None),
        ],
        stories: vec![Story {
            id: StoryId(3),
            title: "Review".into(),
            slides: vec![
                StorySlide {
                    view: ViewId(9),
                    title: "All of it".into(),
                    note: "Start here".into(),
                },
                StorySlide {
                    view: ViewId(7),
                    title: String::new(),
                    note: String::new(),
                },
            ],
        }],
        ..sample()
    }
}

#[test]
fn a_journey_value_keeps_its_notes_views_and_stories_under_the_workspaces_ids() {
    let f = fixture();
    let mut ws = f.ws;
    // A second copy: the workspace's ids are taken, so every reference must be renumbered.
    let id = ws.insert_journey_value(&sample_with_workshop()).unwrap();
    let stored = reopen(&f.path).journey(id).unwrap();

    let shop = by_name(&stored, "Shop").id;
    let love = stage_named(&stored, "Love");
    assert_ne!(shop, TouchpointId(2), "renumbered: the first copy has id 2");
    let targets: Vec<(NoteTarget, &str)> = stored
        .notes
        .iter()
        .map(|n| (n.target, n.text.as_str()))
        .collect();
    assert_eq!(
        targets,
        [
            (
                NoteTarget::Touchpoint { touchpoint: shop },
                "Queue at the till"
            ),
            (NoteTarget::Stage { stage: love }, "Who comes back?"),
        ]
    );
    let chat = stored.views.iter().find(|v| v.name == "Chat open").unwrap();
    let everything = stored
        .views
        .iter()
        .find(|v| v.name == "Everything")
        .unwrap();
    assert_eq!(chat.state.selected, Some(by_name(&stored, "Chat").id));
    assert_eq!(chat.state.params, a_view_state().params);
    let [story] = stored.stories.as_slice() else {
        panic!("{:?}", stored.stories)
    };
    let shown: Vec<(ViewId, &str)> = story
        .slides
        .iter()
        .map(|s| (s.view, s.title.as_str()))
        .collect();
    assert_eq!(shown, [(everything.id, "All of it"), (chat.id, "")]);
    assert_eq!(story.slides[0].note, "Start here");
}

#[test]
fn a_journey_value_whose_slide_shows_a_missing_view_is_refused_and_nothing_is_stored() {
    let f = fixture();
    let mut ws = f.ws;
    let before = ws.journeys().unwrap().len();
    let mut value = sample_with_workshop();
    value.stories[0].slides[1].view = ViewId(99);
    let refused = ws.insert_journey_value(&value).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidInput);
    assert!(
        refused.to_string().contains("story \"Review\""),
        "{refused}"
    );
    assert_eq!(reopen(&f.path).journeys().unwrap().len(), before);
}
