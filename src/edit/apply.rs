//! The rules of editing: what each [`Edit`] does to a journey value, and the edits it refuses.

use std::collections::HashSet;

use crate::error::{Error, Result};
use crate::journey::view::SavedView;
use crate::journey::{
    Channel, Journey, Note, NoteId, NoteTarget, Persona, PersonaId, Stage, StageId, Story, StoryId,
    StorySlide, Touchpoint, TouchpointId, Transition, TransitionId, ViewId, EMOTION_RANGE,
    UNASSIGNED_STAGE,
};

use super::{Edit, TouchpointField};

impl Edit {
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
                    let target = move_touchpoints_to.ok_or_else(|| Error::StageNotEmpty {
                        stage: journey.stages[index].name.clone(),
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
                // The stage's own notes go with it; its touchpoints' notes move with them.
                journey
                    .notes
                    .retain(|n| n.target != NoteTarget::Stage { stage: *stage });
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
            Edit::SaveView { name, state } => {
                let view = SavedView {
                    id: ViewId(ids.next(Table::Views)),
                    name: checked_name("view", name)?,
                    state: state.clone(),
                };
                journey.views.push(view);
            }
            Edit::UpdateView { view, state } => view_mut(journey, *view)?.state = state.clone(),
            Edit::RenameView { view, name } => {
                let name = checked_name("view", name)?;
                view_mut(journey, *view)?.name = name;
            }
            Edit::MoveView { view, position } => {
                let from = view_index(journey, *view)?;
                let moved = journey.views.remove(from);
                let to = (*position as usize).min(journey.views.len());
                journey.views.insert(to, moved);
            }
            Edit::DeleteView { view } => {
                let index = view_index(journey, *view)?;
                journey.views.remove(index);
                // The view's slides go with it; the stories keep their other slides.
                for story in &mut journey.stories {
                    story.slides.retain(|s| s.view != *view);
                }
            }
            Edit::SaveStory { title, slides } => {
                let story = Story {
                    id: StoryId(ids.next(Table::Stories)),
                    title: checked_name("story", title)?.trim().to_owned(),
                    slides: checked_slides(journey, slides)?,
                };
                journey.stories.push(story);
            }
            Edit::UpdateStory {
                story,
                title,
                slides,
            } => {
                let title = checked_name("story", title)?.trim().to_owned();
                let slides = checked_slides(journey, slides)?;
                let slot = journey
                    .stories
                    .iter_mut()
                    .find(|s| s.id == *story)
                    .ok_or_else(|| not_found("story", story.0))?;
                slot.title = title;
                slot.slides = slides;
            }
            Edit::DeleteStory { story } => {
                let index = journey
                    .stories
                    .iter()
                    .position(|s| s.id == *story)
                    .ok_or_else(|| not_found("story", story.0))?;
                journey.stories.remove(index);
            }
            Edit::AddNote { target, kind, text } => {
                let text = text.trim();
                if text.is_empty() {
                    return Err(Error::NameRequired { what: "note" });
                }
                match *target {
                    NoteTarget::Touchpoint { touchpoint } => {
                        if journey.touchpoint(touchpoint).is_none() {
                            return Err(not_found("touchpoint", touchpoint.0));
                        }
                    }
                    NoteTarget::Stage { stage } => {
                        stage_index(journey, stage)?;
                    }
                }
                journey.notes.push(Note {
                    id: NoteId(ids.next(Table::Notes)),
                    target: *target,
                    kind: *kind,
                    text: text.to_owned(),
                });
            }
            Edit::DeleteNote { note } => {
                let index = journey
                    .notes
                    .iter()
                    .position(|n| n.id == *note)
                    .ok_or_else(|| not_found("note", note.0))?;
                journey.notes.remove(index);
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

fn view_index(journey: &Journey, view: ViewId) -> Result<usize> {
    journey
        .views
        .iter()
        .position(|v| v.id == view)
        .ok_or_else(|| not_found("view", view.0))
}

fn view_mut(journey: &mut Journey, view: ViewId) -> Result<&mut SavedView> {
    let index = view_index(journey, view)?;
    Ok(&mut journey.views[index])
}

/// A story's slides as stored: each on a view of the journey, title and note without the spaces
/// around them.
fn checked_slides(journey: &Journey, slides: &[StorySlide]) -> Result<Vec<StorySlide>> {
    slides
        .iter()
        .map(|s| {
            view_index(journey, s.view)?;
            Ok(StorySlide {
                view: s.view,
                title: s.title.trim().to_owned(),
                note: s.note.trim().to_owned(),
            })
        })
        .collect()
}

fn not_found(what: &'static str, id: i64) -> Error {
    Error::NotFound { what, id }
}

fn checked_name(what: &'static str, name: &str) -> Result<String> {
    if name.trim().is_empty() {
        return Err(Error::NameRequired { what });
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
    journey.notes.retain(|n| match n.target {
        NoteTarget::Touchpoint { touchpoint } => !gone.contains(&touchpoint),
        NoteTarget::Stage { .. } => true,
    });
    Ok(())
}

/// The tables whose row ids edits give out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Stages,
    Touchpoints,
    Transitions,
    Personas,
    Views,
    Notes,
    Stories,
}

impl Table {
    pub(crate) const ALL: [Table; 7] = [
        Table::Stages,
        Table::Touchpoints,
        Table::Transitions,
        Table::Personas,
        Table::Views,
        Table::Notes,
        Table::Stories,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Stages => "stages",
            Table::Touchpoints => "touchpoints",
            Table::Transitions => "transitions",
            Table::Personas => "personas",
            Table::Views => "views",
            Table::Notes => "notes",
            Table::Stories => "stories",
        }
    }
}

/// The next free row id of each table.
#[derive(Debug, Clone)]
pub(crate) struct Ids {
    pub(crate) next: [i64; Table::ALL.len()],
}

impl Ids {
    pub(crate) fn next(&mut self, table: Table) -> i64 {
        let slot = &mut self.next[table as usize];
        let id = *slot;
        *slot += 1;
        id
    }
}
