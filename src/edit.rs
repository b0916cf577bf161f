//! Edits of a journey as engine operations.
//!
//! Every change the design editor makes is an [`Edit`]. The workspace applies it to the journey
//! in memory (checking it on the way: a bad edit changes nothing), stores the rows that changed as
//! one SQLite transaction and keeps those rows, before and after, as one step of the journey's
//! undo history (see [`crate::workspace::Workspace::apply`]). This module holds the pure part:
//! what an edit does to a [`Journey`] value, and the [`Change`] between two journey values.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journey::{
    Channel, Journey, Kind, Kpi, Opportunity, Persona, PersonaId, Stage, StageId, Touchpoint,
    TouchpointId, Transition, TransitionId, EMOTION_RANGE, UNASSIGNED_STAGE,
};
use crate::validate::Warning;

mod kind;
pub use kind::EditKind;

/// One step of the design editor, applied as one transaction and undone as one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    RenameJourney {
        name: String,
    },
    SetJourneyDescription {
        description: String,
    },
    /// A new stage at `position` (0 = first lane), or after the last one.
    AddStage {
        name: String,
        position: Option<u32>,
    },
    RenameStage {
        stage: StageId,
        name: String,
    },
    /// Moves a stage to `position` in the stage order (0 = first lane).
    MoveStage {
        stage: StageId,
        position: u32,
    },
    /// Deletes a stage. A stage holding touchpoints needs `move_touchpoints_to`, the stage they
    /// go to (keeping their place inside the lane).
    DeleteStage {
        stage: StageId,
        move_touchpoints_to: Option<StageId>,
    },
    /// Adds a touchpoint with every field as given; its `id` is ignored and a new one given.
    AddTouchpoint {
        touchpoint: Touchpoint,
    },
    /// Adds a touchpoint for a log value that matched none: named after the value, of the kind
    /// its channel usually has, on the first free slot of that kind's band in `stage` (the
    /// journey's first stage when not given; a journey without stages gets one, "Unassigned").
    AddTouchpointForValue {
        value: String,
        channel: Channel,
        stage: Option<StageId>,
    },
    /// Replaces every field of the touchpoint with this `id`.
    UpdateTouchpoint {
        touchpoint: Touchpoint,
    },
    /// Places a touchpoint in a lane (possibly another stage's) at `x`, `y`.
    MoveTouchpoint {
        touchpoint: TouchpointId,
        stage: StageId,
        x: f64,
        y: f64,
    },
    SetTouchpointField {
        touchpoint: TouchpointId,
        field: TouchpointField,
    },
    /// Deletes a touchpoint and every transition from or to it.
    DeleteTouchpoint {
        touchpoint: TouchpointId,
    },
    AddTransition {
        from: TouchpointId,
        to: TouchpointId,
    },
    DeleteTransition {
        transition: TransitionId,
    },
    /// Adds a persona; its `id` is ignored and a new one given.
    AddPersona {
        persona: Persona,
    },
    /// Replaces every field of the persona with this `id`.
    UpdatePersona {
        persona: Persona,
    },
    DeletePersona {
        persona: PersonaId,
    },
    /// Deletes a selection: the touchpoints (with their transitions) and the transitions.
    Delete {
        touchpoints: Vec<TouchpointId>,
        transitions: Vec<TransitionId>,
    },
    /// Pastes copied touchpoints (their ids are ignored) and the transitions between them, given
    /// as indices into `touchpoints`.
    Paste {
        touchpoints: Vec<Touchpoint>,
        transitions: Vec<PastedTransition>,
    },
    /// Several edits as one step: all apply or none does.
    Batch {
        edits: Vec<Edit>,
    },
    /// Puts every touchpoint back on the slots of its own lane and band (see
    /// [`crate::layout::tidy`]); no touchpoint changes stage or kind.
    Tidy,
}

/// A transition between two pasted touchpoints, by their index in the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PastedTransition {
    pub from: u32,
    pub to: u32,
}

/// One field of a touchpoint and its new value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum TouchpointField {
    Name(String),
    Channel(Channel),
    Kind(Kind),
    Description(String),
    Owner(String),
    Emotion(Option<i8>),
    PainPoints(Vec<String>),
    Opportunities(Vec<Opportunity>),
    Kpis(Vec<Kpi>),
    Entry(bool),
    Goal(bool),
    Aliases(Vec<String>),
}

impl Edit {
    /// A short name of the edit, stored with it in the history ("Undo rename stage").
    pub fn label(&self) -> &'static str {
        self.kind().label()
    }

    /// Applies the edit to `journey`, taking new row ids from `ids`. On error the journey may be
    /// half changed: callers apply to a copy and drop it.
    pub(crate) fn apply_to(&self, journey: &mut Journey, ids: &mut Ids) -> Result<()> {
        match self {
            Edit::RenameJourney { name } => journey.name = checked_name("journey", name)?,
            Edit::SetJourneyDescription { description } => {
                journey.description = description.clone()
            }
            Edit::AddStage { name, position } => {
                let stage = Stage {
                    id: StageId(ids.next(Table::Stages)),
                    name: checked_name("stage", name)?,
                };
                let at = position
                    .map(|p| p as usize)
                    .unwrap_or(journey.stages.len())
                    .min(journey.stages.len());
                journey.stages.insert(at, stage);
            }
            Edit::RenameStage { stage, name } => {
                let name = checked_name("stage", name)?;
                stage_mut(journey, *stage)?.name = name;
            }
            Edit::MoveStage { stage, position } => {
                let from = stage_index(journey, *stage)?;
                let moved = journey.stages.remove(from);
                let to = (*position as usize).min(journey.stages.len());
                journey.stages.insert(to, moved);
            }
            Edit::DeleteStage {
                stage,
                move_touchpoints_to,
            } => {
                let index = stage_index(journey, *stage)?;
                let holds = journey.touchpoints.iter().any(|t| t.stage == *stage);
                if holds {
                    let target = move_touchpoints_to.ok_or_else(|| {
                        Error::InvalidInput(format!(
                            "stage \"{}\" holds touchpoints: choose the stage they move to",
                            journey.stages[index].name
                        ))
                    })?;
                    if target == *stage {
                        return Err(Error::InvalidInput(
                            "the touchpoints of a deleted stage must move to another stage".into(),
                        ));
                    }
                    stage_index(journey, target)?;
                    for t in journey.touchpoints.iter_mut().filter(|t| t.stage == *stage) {
                        t.stage = target;
                    }
                }
                journey.stages.remove(index);
            }
            Edit::AddTouchpoint { touchpoint } => {
                add_touchpoint(journey, touchpoint, ids)?;
            }
            Edit::AddTouchpointForValue {
                value,
                channel,
                stage,
            } => {
                add_touchpoint_for_value(journey, value, *channel, *stage, ids)?;
            }
            Edit::UpdateTouchpoint { touchpoint } => {
                let checked = checked_touchpoint(journey, touchpoint)?;
                *touchpoint_mut(journey, touchpoint.id)? = checked;
            }
            Edit::MoveTouchpoint {
                touchpoint,
                stage,
                x,
                y,
            } => {
                stage_index(journey, *stage)?;
                let (x, y) = (checked_coordinate(*x)?, checked_coordinate(*y)?);
                let t = touchpoint_mut(journey, *touchpoint)?;
                t.stage = *stage;
                t.x = x;
                t.y = y;
            }
            Edit::SetTouchpointField { touchpoint, field } => {
                let mut changed = touchpoint_mut(journey, *touchpoint)?.clone();
                field.set(&mut changed);
                let checked = checked_touchpoint(journey, &changed)?;
                *touchpoint_mut(journey, *touchpoint)? = checked;
            }
            Edit::DeleteTouchpoint { touchpoint } => {
                delete_touchpoints(journey, &[*touchpoint])?;
            }
            Edit::AddTransition { from, to } => add_transition(journey, *from, *to, ids)?,
            Edit::DeleteTransition { transition } => {
                let before = journey.transitions.len();
                journey.transitions.retain(|t| t.id != *transition);
                if journey.transitions.len() == before {
                    return Err(not_found("transition", transition.0));
                }
            }
            Edit::AddPersona { persona } => {
                let mut persona = checked_persona(persona)?;
                persona.id = PersonaId(ids.next(Table::Personas));
                journey.personas.push(persona);
            }
            Edit::UpdatePersona { persona } => {
                let checked = checked_persona(persona)?;
                let slot = journey
                    .personas
                    .iter_mut()
                    .find(|p| p.id == persona.id)
                    .ok_or_else(|| not_found("persona", persona.id.0))?;
                *slot = checked;
            }
            Edit::DeletePersona { persona } => {
                let before = journey.personas.len();
                journey.personas.retain(|p| p.id != *persona);
                if journey.personas.len() == before {
                    return Err(not_found("persona", persona.0));
                }
            }
            Edit::Delete {
                touchpoints,
                transitions,
            } => {
                for id in transitions {
                    if !journey.transitions.iter().any(|t| t.id == *id) {
                        return Err(not_found("transition", id.0));
                    }
                }
                let gone: HashSet<TransitionId> = transitions.iter().copied().collect();
                journey.transitions.retain(|t| !gone.contains(&t.id));
                delete_touchpoints(journey, touchpoints)?;
            }
            Edit::Paste {
                touchpoints,
                transitions,
            } => {
                let mut pasted = Vec::with_capacity(touchpoints.len());
                for t in touchpoints {
                    pasted.push(add_touchpoint(journey, t, ids)?);
                }
                for link in transitions {
                    let end = |i: u32| {
                        pasted.get(i as usize).copied().ok_or_else(|| {
                            Error::InvalidInput(format!(
                                "a pasted transition refers to touchpoint {} of {} pasted",
                                i + 1,
                                pasted.len()
                            ))
                        })
                    };
                    add_transition(journey, end(link.from)?, end(link.to)?, ids)?;
                }
            }
            Edit::Batch { edits } => {
                for edit in edits {
                    edit.apply_to(journey, ids)?;
                }
            }
            Edit::Tidy => crate::layout::tidy(journey),
        }
        Ok(())
    }
}

impl TouchpointField {
    fn set(&self, t: &mut Touchpoint) {
        match self.clone() {
            TouchpointField::Name(v) => t.name = v,
            TouchpointField::Channel(v) => t.channel = v,
            TouchpointField::Kind(v) => t.kind = v,
            TouchpointField::Description(v) => t.description = v,
            TouchpointField::Owner(v) => t.owner = v,
            TouchpointField::Emotion(v) => t.emotion = v,
            TouchpointField::PainPoints(v) => t.pain_points = v,
            TouchpointField::Opportunities(v) => t.opportunities = v,
            TouchpointField::Kpis(v) => t.kpis = v,
            TouchpointField::Entry(v) => t.entry = v,
            TouchpointField::Goal(v) => t.goal = v,
            TouchpointField::Aliases(v) => t.aliases = v,
        }
    }
}

fn not_found(what: &'static str, id: i64) -> Error {
    Error::NotFound { what, id }
}

fn checked_name(what: &str, name: &str) -> Result<String> {
    if name.trim().is_empty() {
        return Err(Error::InvalidInput(format!("a {what} needs a name")));
    }
    Ok(name.to_owned())
}

fn checked_coordinate(v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::InvalidInput(format!(
            "a touchpoint's position must be a finite number, not {v}"
        )))
    }
}

fn checked_measure(kpi: &str, v: Option<f64>) -> Result<()> {
    match v {
        Some(v) if !v.is_finite() => Err(Error::InvalidInput(format!(
            "KPI \"{kpi}\": a value or target must be a finite number, not {v}"
        ))),
        _ => Ok(()),
    }
}

/// The touchpoint as it may be stored in `journey`, or why not.
fn checked_touchpoint(journey: &Journey, t: &Touchpoint) -> Result<Touchpoint> {
    checked_name("touchpoint", &t.name)?;
    stage_index(journey, t.stage)?;
    checked_coordinate(t.x)?;
    checked_coordinate(t.y)?;
    if let Some(e) = t.emotion {
        if !EMOTION_RANGE.contains(&e) {
            return Err(Error::InvalidInput(format!(
                "emotion {e} of \"{}\" is outside −2…+2",
                t.name
            )));
        }
    }
    let mut seen = HashSet::new();
    for alias in &t.aliases {
        if alias.trim().is_empty() {
            return Err(Error::InvalidInput(format!(
                "an alias of \"{}\" is empty",
                t.name
            )));
        }
        if !seen.insert(alias.as_str()) {
            return Err(Error::InvalidInput(format!(
                "alias \"{alias}\" is given twice for \"{}\"",
                t.name
            )));
        }
    }
    for kpi in &t.kpis {
        checked_measure(&kpi.name, kpi.value)?;
        checked_measure(&kpi.name, kpi.target)?;
    }
    Ok(t.clone())
}

fn checked_persona(p: &Persona) -> Result<Persona> {
    checked_name("persona", &p.name)?;
    Ok(p.clone())
}

fn stage_index(journey: &Journey, id: StageId) -> Result<usize> {
    journey
        .stage_position(id)
        .ok_or_else(|| not_found("stage", id.0))
}

fn stage_mut(journey: &mut Journey, id: StageId) -> Result<&mut Stage> {
    journey
        .stages
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| not_found("stage", id.0))
}

fn touchpoint_mut(journey: &mut Journey, id: TouchpointId) -> Result<&mut Touchpoint> {
    journey
        .touchpoints
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| not_found("touchpoint", id.0))
}

fn add_touchpoint(journey: &mut Journey, t: &Touchpoint, ids: &mut Ids) -> Result<TouchpointId> {
    let mut t = checked_touchpoint(journey, t)?;
    t.id = TouchpointId(ids.next(Table::Touchpoints));
    let id = t.id;
    journey.touchpoints.push(t);
    Ok(id)
}

fn add_touchpoint_for_value(
    journey: &mut Journey,
    value: &str,
    channel: Channel,
    stage: Option<StageId>,
    ids: &mut Ids,
) -> Result<TouchpointId> {
    let stage = match (stage, journey.stages.first()) {
        (Some(stage), _) => stage,
        (None, Some(first)) => first.id,
        (None, None) => {
            let id = StageId(ids.next(Table::Stages));
            journey.stages.push(Stage {
                id,
                name: UNASSIGNED_STAGE.to_owned(),
            });
            id
        }
    };
    stage_index(journey, stage)?;
    let kind = channel.usual_kind();
    let (x, y) = crate::layout::first_free_slot(journey, stage, kind);
    let touchpoint = Touchpoint {
        stage,
        name: value.to_owned(),
        channel,
        kind,
        x,
        y,
        ..Touchpoint::default()
    };
    add_touchpoint(journey, &touchpoint, ids)
}

fn add_transition(
    journey: &mut Journey,
    from: TouchpointId,
    to: TouchpointId,
    ids: &mut Ids,
) -> Result<()> {
    for end in [from, to] {
        if journey.touchpoint(end).is_none() {
            return Err(not_found("touchpoint", end.0));
        }
    }
    if from == to {
        return Err(Error::InvalidInput(
            "a transition must link two different touchpoints".into(),
        ));
    }
    if journey
        .transitions
        .iter()
        .any(|t| t.from == from && t.to == to)
    {
        return Err(Error::InvalidInput(
            "these two touchpoints are already linked in this direction".into(),
        ));
    }
    journey.transitions.push(Transition {
        id: TransitionId(ids.next(Table::Transitions)),
        from,
        to,
    });
    Ok(())
}

fn delete_touchpoints(journey: &mut Journey, ids: &[TouchpointId]) -> Result<()> {
    let gone: HashSet<TouchpointId> = ids.iter().copied().collect();
    for id in ids {
        if journey.touchpoint(*id).is_none() {
            return Err(not_found("touchpoint", id.0));
        }
    }
    journey.touchpoints.retain(|t| !gone.contains(&t.id));
    journey
        .transitions
        .retain(|t| !gone.contains(&t.from) && !gone.contains(&t.to));
    Ok(())
}

/// The tables whose row ids edits give out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Stages,
    Touchpoints,
    Transitions,
    Personas,
}

impl Table {
    pub(crate) const ALL: [Table; 4] = [
        Table::Stages,
        Table::Touchpoints,
        Table::Transitions,
        Table::Personas,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Stages => "stages",
            Table::Touchpoints => "touchpoints",
            Table::Transitions => "transitions",
            Table::Personas => "personas",
        }
    }
}

/// The next free row id of each table.
#[derive(Debug, Clone)]
pub(crate) struct Ids {
    pub(crate) next: [i64; 4],
}

impl Ids {
    pub(crate) fn next(&mut self, table: Table) -> i64 {
        let slot = &mut self.next[table as usize];
        let id = *slot;
        *slot += 1;
        id
    }
}

/// A row before and after a change; `None` where the row does not exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RowChange<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: Clone> RowChange<T> {
    fn reversed(&self) -> Self {
        RowChange {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// A stage with its place in the stage order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedStage {
    pub stage: Stage,
    pub position: usize,
}

/// A journey's name and description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Header {
    pub name: String,
    pub description: String,
}

/// The rows that differ between two values of one journey: what the workspace stores for an edit
/// and what undo and redo replay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Change {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<RowChange<Header>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<RowChange<PlacedStage>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touchpoints: Vec<RowChange<Touchpoint>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<RowChange<Transition>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<RowChange<Persona>>,
}

impl Change {
    pub(crate) fn between(before: &Journey, after: &Journey) -> Change {
        let header = |j: &Journey| Header {
            name: j.name.clone(),
            description: j.description.clone(),
        };
        let (h0, h1) = (header(before), header(after));
        let placed = |j: &Journey| -> Vec<PlacedStage> {
            j.stages
                .iter()
                .enumerate()
                .map(|(position, s)| PlacedStage {
                    stage: s.clone(),
                    position,
                })
                .collect()
        };
        Change {
            header: (h0 != h1).then_some(RowChange {
                before: Some(h0),
                after: Some(h1),
            }),
            stages: rows_between(&placed(before), &placed(after), |s| s.stage.id),
            touchpoints: rows_between(&before.touchpoints, &after.touchpoints, |t| t.id),
            transitions: rows_between(&before.transitions, &after.transitions, |t| t.id),
            personas: rows_between(&before.personas, &after.personas, |p| p.id),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.header.is_none()
            && self.stages.is_empty()
            && self.touchpoints.is_empty()
            && self.transitions.is_empty()
            && self.personas.is_empty()
    }

    pub(crate) fn reversed(&self) -> Change {
        Change {
            header: self.header.as_ref().map(RowChange::reversed),
            stages: self.stages.iter().map(RowChange::reversed).collect(),
            touchpoints: self.touchpoints.iter().map(RowChange::reversed).collect(),
            transitions: self.transitions.iter().map(RowChange::reversed).collect(),
            personas: self.personas.iter().map(RowChange::reversed).collect(),
        }
    }

    /// Whether `journey` is in the state this change starts from, row by row: if not, the
    /// journey was changed elsewhere and replaying the change would overwrite that.
    pub(crate) fn starts_from(&self, journey: &Journey) -> bool {
        if let Some(h) = &self.header {
            let now = Header {
                name: journey.name.clone(),
                description: journey.description.clone(),
            };
            if h.before.as_ref() != Some(&now) {
                return false;
            }
        }
        let stages: Vec<PlacedStage> = journey
            .stages
            .iter()
            .enumerate()
            .map(|(position, s)| PlacedStage {
                stage: s.clone(),
                position,
            })
            .collect();
        rows_match(&self.stages, &stages, |s| s.stage.id)
            && rows_match(&self.touchpoints, &journey.touchpoints, |t| t.id)
            && rows_match(&self.transitions, &journey.transitions, |t| t.id)
            && rows_match(&self.personas, &journey.personas, |p| p.id)
    }

    /// What the change created, for the UI to select.
    pub(crate) fn created(&self) -> Created {
        fn added<T, I>(rows: &[RowChange<T>], id: impl Fn(&T) -> I) -> Vec<I> {
            rows.iter()
                .filter(|r| r.before.is_none())
                .filter_map(|r| r.after.as_ref().map(&id))
                .collect()
        }
        Created {
            stages: added(&self.stages, |s| s.stage.id),
            touchpoints: added(&self.touchpoints, |t| t.id),
            transitions: added(&self.transitions, |t| t.id),
            personas: added(&self.personas, |p| p.id),
        }
    }
}

fn rows_between<T: Clone + PartialEq, I: Hash + Eq + Copy>(
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> I,
) -> Vec<RowChange<T>> {
    let old: HashMap<I, &T> = before.iter().map(|r| (id(r), r)).collect();
    let new: HashMap<I, &T> = after.iter().map(|r| (id(r), r)).collect();
    let mut changes: Vec<RowChange<T>> = before
        .iter()
        .filter(|r| !new.contains_key(&id(r)))
        .map(|r| RowChange {
            before: Some(r.clone()),
            after: None,
        })
        .collect();
    for r in after {
        match old.get(&id(r)) {
            Some(o) if *o == r => {}
            o => changes.push(RowChange {
                before: o.map(|o| (*o).clone()),
                after: Some(r.clone()),
            }),
        }
    }
    changes
}

fn rows_match<T: PartialEq, I: Hash + Eq + Copy>(
    changes: &[RowChange<T>],
    now: &[T],
    id: impl Fn(&T) -> I,
) -> bool {
    if changes.is_empty() {
        return true;
    }
    let now: HashMap<I, &T> = now.iter().map(|r| (id(r), r)).collect();
    changes.iter().all(|c| {
        let key = c.before.as_ref().or(c.after.as_ref()).map(&id);
        let current = key.and_then(|k| now.get(&k).copied());
        current == c.before.as_ref()
    })
}

/// The rows an edit created, so the UI can select what was just added or pasted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Created {
    pub stages: Vec<StageId>,
    pub touchpoints: Vec<TouchpointId>,
    pub transitions: Vec<TransitionId>,
    pub personas: Vec<PersonaId>,
}

/// What undo and redo would do next, for the Edit menu.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct History {
    /// The label of the edit that undo would revert.
    pub undo: Option<String>,
    /// The label of the edit that redo would apply again.
    pub redo: Option<String>,
}

/// The journey after an edit, undo or redo, with what the editor shows around it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Edited {
    pub journey: Journey,
    pub warnings: Vec<Warning>,
    pub history: History,
    pub created: Created,
    /// False when nothing changed (an edit that set what was already there, or nothing to undo).
    pub changed: bool,
}
