//! Property: any sequence of edits followed by as many undos gives back the original journey, and
//! as many redos give back the edited one; what each edit returns is what the workspace stores.
#![cfg(test)]

use percorso::edit::{Edit, PastedTransition, TouchpointField};
use percorso::journey::{
    Channel, Journey, Kind, Kpi, Opportunity, OpportunityStatus, Persona, PersonaId, Touchpoint,
};
use percorso::templates;
use percorso::Workspace;
use proptest::prelude::*;

/// One edit, as numbers that pick its kind and its targets in whatever journey it meets.
#[derive(Debug, Clone)]
struct Step {
    op: u8,
    a: usize,
    b: usize,
    n: i8,
    f: f64,
    text: String,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..21,
        any::<usize>(),
        any::<usize>(),
        -3i8..=3,
        prop_oneof![Just(0.1), -1e6f64..1e6, Just(1.0 / 3.0)],
        "[a-zA-Z0-9 éß🙂<>]{0,12}",
    )
        .prop_map(|(op, a, b, n, f, text)| Step {
            op,
            a,
            b,
            n,
            f,
            text,
        })
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

/// The edit a step means on `j`, or `None` when the journey has nothing it could apply to.
fn edit_of(s: &Step, j: &Journey) -> Option<Edit> {
    let stage = pick(&j.stages, s.a).map(|s| s.id);
    let other_stage = pick(&j.stages, s.b).map(|s| s.id);
    let tp = pick(&j.touchpoints, s.a);
    let tp2 = pick(&j.touchpoints, s.b);
    let name = format!("n{}{}", s.text, s.a % 7);
    Some(match s.op {
        0 => Edit::RenameJourney { name },
        1 => Edit::SetJourneyDescription {
            description: s.text.clone(),
        },
        2 => Edit::AddStage {
            name,
            position: Some((s.b % 5) as u32),
        },
        3 => Edit::RenameStage {
            stage: stage?,
            name,
        },
        4 => Edit::MoveStage {
            stage: stage?,
            position: (s.b % 6) as u32,
        },
        5 => Edit::DeleteStage {
            stage: stage?,
            move_touchpoints_to: other_stage,
        },
        6 | 7 => Edit::AddTouchpoint {
            touchpoint: Touchpoint {
                stage: stage?,
                name,
                channel: Channel::ALL[s.b % Channel::ALL.len()],
                kind: Kind::ALL[s.a % 2],
                x: s.f,
                y: -s.f / 7.0,
                entry: s.b % 3 == 0,
                goal: s.b % 5 == 0,
                emotion: Some(s.n.clamp(-2, 2)),
                aliases: vec![s.text.clone() + "alias"],
                kpis: vec![Kpi {
                    name: "CSAT".into(),
                    value: Some(s.f),
                    target: None,
                }],
                ..Touchpoint::default()
            },
        },
        8 => Edit::MoveTouchpoint {
            touchpoint: tp?.id,
            stage: other_stage?,
            x: s.f,
            y: s.f * 0.5,
        },
        9 => Edit::SetTouchpointField {
            touchpoint: tp?.id,
            field: match s.b % 8 {
                0 => TouchpointField::Name(name),
                1 => TouchpointField::Emotion(Some(s.n)),
                2 => TouchpointField::Aliases(vec![s.text.clone() + "x", "y".into()]),
                3 => TouchpointField::Entry(s.a % 2 == 0),
                4 => TouchpointField::Goal(s.a % 2 == 0),
                5 => TouchpointField::Opportunities(vec![Opportunity {
                    text: s.text.clone(),
                    owner: "o".into(),
                    status: OpportunityStatus::Done,
                }]),
                6 => TouchpointField::PainPoints(vec![s.text.clone()]),
                _ => TouchpointField::Channel(Channel::Sms),
            },
        },
        10 => Edit::UpdateTouchpoint {
            touchpoint: Touchpoint {
                description: s.text.clone(),
                owner: "owner".into(),
                ..tp?
            },
        },
        11 => Edit::DeleteTouchpoint { touchpoint: tp?.id },
        12 | 13 => Edit::AddTransition {
            from: tp?.id,
            to: tp2?.id,
        },
        14 => Edit::DeleteTransition {
            transition: pick(&j.transitions, s.a)?.id,
        },
        15 => Edit::AddPersona {
            persona: Persona {
                id: PersonaId(0),
                name,
                description: s.text.clone(),
                goals: vec![s.text.clone()],
            },
        },
        16 => Edit::UpdatePersona {
            persona: Persona {
                goals: vec![],
                ..pick(&j.personas, s.a)?
            },
        },
        17 => Edit::DeletePersona {
            persona: pick(&j.personas, s.a)?.id,
        },
        18 => Edit::Paste {
            touchpoints: vec![tp.clone()?, tp2?],
            transitions: vec![PastedTransition { from: 0, to: 1 }],
        },
        19 => Edit::Delete {
            touchpoints: vec![tp?.id],
            transitions: pick(&j.transitions, s.b)
                .map(|t| t.id)
                .into_iter()
                .collect(),
        },
        _ => Edit::Tidy,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_then_as_many_undos_give_back_the_original(steps in proptest::collection::vec(step(), 1..25), template in 0usize..3) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.percorso");
        let mut ws = Workspace::create(&path, false).unwrap();
        let key = templates::all()[template].key;
        let id = ws.new_journey_from_template(key).unwrap();
        let original = ws.journey(id).unwrap();
        let mut current = original.clone();
        let mut applied = 0;
        for s in &steps {
            let Some(edit) = edit_of(s, &current) else { continue };
            match ws.apply(id, &edit) {
                Ok(done) => {
                    prop_assert_eq!(&done.journey, &ws.journey(id).unwrap());
                    if done.changed {
                        applied += 1;
                    } else {
                        prop_assert_eq!(&done.journey, &current);
                    }
                    current = done.journey;
                }
                // A refused edit changes nothing.
                Err(_) => prop_assert_eq!(&ws.journey(id).unwrap(), &current),
            }
        }
        let edited = current;
        drop(ws);
        let mut ws = Workspace::open(&path).unwrap();
        for _ in 0..applied {
            prop_assert!(ws.undo(id).unwrap().changed);
        }
        prop_assert_eq!(&ws.journey(id).unwrap(), &original);
        prop_assert!(ws.history(id).unwrap().undo.is_none());
        for _ in 0..applied {
            prop_assert!(ws.redo(id).unwrap().changed);
        }
        prop_assert_eq!(&ws.journey(id).unwrap(), &edited);
    }
}
