//! Edits, undo and redo of journeys, stored in the workspace.
//!
//! Each edit is one transaction that writes the changed rows together with one row of the
//! journey's history (the rows before and after, as JSON). Undo and redo replay that row
//! backwards or forwards in one transaction too, so the history survives a relaunch and a crash
//! loses at most the edit in flight.

use rusqlite::{params, Connection, OptionalExtension};

use super::journeys::{load_journey, to_json};
use super::Workspace;
use crate::edit::{Change, Edit, Edited, History, Ids, Table, TouchpointField};
use crate::error::{Error, Result};
use crate::journey::{
    Journey, JourneyId, NoteTarget, Persona, StorySlide, Touchpoint, TouchpointId, Transition,
};
use crate::validate::validate;

/// How many steps each journey's history keeps by default; older ones are forgotten.
pub const HISTORY_LIMIT: i64 = 1000;

impl Workspace {
    /// Applies `edit` to `journey` as one transaction and one undo step. A refused edit changes
    /// nothing. An edit that changes nothing is not recorded.
    pub fn apply(&mut self, journey: JourneyId, edit: &Edit) -> Result<Edited> {
        let tx = self.conn.transaction()?;
        let before = load_journey(&tx, journey)?;
        let mut ids = next_ids(&tx)?;
        let mut after = before.clone();
        edit.apply_to(&mut after, &mut ids)?;
        let change = Change::between(&before, &after);
        if !change.is_empty() {
            write_change(&tx, journey, &before, &change)?;
            raise_high_water(&tx, &ids)?;
            tx.execute(
                "DELETE FROM edit_history WHERE journey_id = ?1 AND undone = 1",
                [journey.0],
            )?;
            tx.execute(
                "INSERT INTO edit_history (journey_id, label, change) VALUES (?1, ?2, ?3)",
                params![journey.0, edit.label(), to_json(&change)?],
            )?;
            tx.execute(
                "DELETE FROM edit_history WHERE journey_id = ?1 AND id <=
                   (SELECT id FROM edit_history WHERE journey_id = ?1
                    ORDER BY id DESC LIMIT 1 OFFSET ?2)",
                params![journey.0, self.history_limit],
            )?;
        }
        let history = history_in(&tx, journey)?;
        tx.commit()?;
        Ok(Edited {
            warnings: validate(&after),
            created: change.created(),
            changed: !change.is_empty(),
            journey: after,
            history,
        })
    }

    /// Makes log value `alias` mean `touchpoint` from now on, as an edit of the touchpoint's
    /// aliases: one undo step of its journey, like any change made in the editor. A value it
    /// already has changes nothing.
    pub fn add_alias(&mut self, touchpoint: TouchpointId, alias: &str) -> Result<Edited> {
        let journey = journey_of(&self.conn, touchpoint)?;
        let mut aliases = load_journey(&self.conn, journey)?
            .touchpoint(touchpoint)
            .map(|t| t.aliases.clone())
            .unwrap_or_default();
        if !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_owned());
        }
        self.apply(
            journey,
            &Edit::SetTouchpointField {
                touchpoint,
                field: TouchpointField::Aliases(aliases),
            },
        )
    }

    /// Reverts the latest edit of `journey` that is not undone yet.
    pub fn undo(&mut self, journey: JourneyId) -> Result<Edited> {
        self.replay(journey, true)
    }

    /// Applies again the earliest undone edit of `journey`.
    pub fn redo(&mut self, journey: JourneyId) -> Result<Edited> {
        self.replay(journey, false)
    }

    /// What undo and redo of `journey` would do next.
    pub fn history(&self, journey: JourneyId) -> Result<History> {
        history_in(&self.conn, journey)
    }

    fn replay(&mut self, journey: JourneyId, undo: bool) -> Result<Edited> {
        let tx = self.conn.transaction()?;
        let before = load_journey(&tx, journey)?;
        let sql = if undo {
            "SELECT id, change FROM edit_history WHERE journey_id = ?1 AND undone = 0
             ORDER BY id DESC LIMIT 1"
        } else {
            "SELECT id, change FROM edit_history WHERE journey_id = ?1 AND undone = 1
             ORDER BY id LIMIT 1"
        };
        let step: Option<(i64, String)> = tx
            .query_row(sql, [journey.0], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((step, text)) = step else {
            let history = history_in(&tx, journey)?;
            return Ok(Edited {
                warnings: validate(&before),
                journey: before,
                history,
                created: Default::default(),
                changed: false,
            });
        };
        let recorded: Change = serde_json::from_str(&text)
            .map_err(|e| Error::CorruptData(format!("undo history step {step}: {e}")))?;
        let change = if undo { recorded.reversed() } else { recorded };
        if !change.starts_from(&before) || taken_elsewhere(&tx, journey, &change)? {
            drop(tx);
            self.conn.execute(
                "DELETE FROM edit_history WHERE journey_id = ?1",
                [journey.0],
            )?;
            return Err(Error::InvalidInput(format!(
                "journey \"{}\" was changed outside the editor since this step, so it cannot be {}; the undo history of this journey was cleared",
                before.name,
                if undo { "undone" } else { "redone" }
            )));
        }
        write_change(&tx, journey, &before, &change)?;
        tx.execute(
            "UPDATE edit_history SET undone = ?2 WHERE id = ?1",
            params![step, undo],
        )?;
        let after = load_journey(&tx, journey)?;
        let history = history_in(&tx, journey)?;
        tx.commit()?;
        Ok(Edited {
            warnings: validate(&after),
            created: change.created(),
            changed: true,
            journey: after,
            history,
        })
    }

    /// Adds an empty journey at the end of the list (not an undo step: delete it to take it back).
    pub fn new_journey(&mut self, name: &str, description: &str) -> Result<JourneyId> {
        let value = Journey {
            name: name.to_owned(),
            description: description.to_owned(),
            ..Journey::default()
        };
        self.insert_journey_value(&value)
    }

    /// Deletes a journey with everything it holds, including its undo history.
    pub fn delete_journey(&mut self, journey: JourneyId) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM transitions WHERE journey_id = ?1", [journey.0])?;
        tx.execute("DELETE FROM touchpoints WHERE journey_id = ?1", [journey.0])?;
        let gone = tx.execute("DELETE FROM journeys WHERE id = ?1", [journey.0])?;
        if gone == 0 {
            return Err(Error::NotFound {
                what: "journey",
                id: journey.0,
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores a whole journey value as a new journey, giving every row a new id (the ids in
    /// `value` only say which touchpoints transitions link and which stage each touchpoint is
    /// in). Returns the new journey's id.
    pub fn insert_journey_value(&mut self, value: &Journey) -> Result<JourneyId> {
        self.store_journey_value(value, None)
    }

    /// Stores a journey that discovery proposed as a new journey whose content is one step of
    /// its undo history: undo leaves the journey empty, redo brings the proposal back.
    pub fn insert_discovered_journey(&mut self, value: &Journey) -> Result<JourneyId> {
        self.store_journey_value(value, Some(crate::edit::EditKind::DiscoverJourney))
    }

    /// [`Workspace::insert_journey_value`], recording the content as one undo step of kind
    /// `record` when given.
    fn store_journey_value(
        &mut self,
        value: &Journey,
        record: Option<crate::edit::EditKind>,
    ) -> Result<JourneyId> {
        if value.name.trim().is_empty() {
            return Err(Error::NameRequired { what: "journey" });
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO journeys (name, description, position)
             SELECT ?1, ?2, COALESCE(MAX(position) + 1, 0) FROM journeys",
            params![value.name, value.description],
        )?;
        let journey = JourneyId(tx.last_insert_rowid());
        let empty = Journey {
            id: journey,
            name: value.name.clone(),
            description: value.description.clone(),
            ..Journey::default()
        };
        // The content goes in as one edit from the empty journey, so that it is checked like
        // any edit; it is kept in the history only when asked.
        let mut ids = next_ids(&tx)?;
        let mut after = empty.clone();
        renumbered(value, &mut ids, &mut after)?;
        let change = Change::between(&empty, &after);
        write_change(&tx, journey, &empty, &change)?;
        raise_high_water(&tx, &ids)?;
        if let Some(kind) = record {
            tx.execute(
                "INSERT INTO edit_history (journey_id, label, change) VALUES (?1, ?2, ?3)",
                params![journey.0, kind.label(), to_json(&change)?],
            )?;
        }
        tx.commit()?;
        Ok(journey)
    }
}

/// Builds into `out` the content of `value` with new ids, through the checked edits.
fn renumbered(value: &Journey, ids: &mut Ids, out: &mut Journey) -> Result<()> {
    use std::collections::HashMap;

    use crate::edit::PastedTransition;

    for p in &value.personas {
        Edit::AddPersona { persona: p.clone() }.apply_to(out, ids)?;
    }
    let mut stage_of = HashMap::new();
    for s in &value.stages {
        Edit::AddStage {
            name: s.name.clone(),
            position: None,
        }
        .apply_to(out, ids)?;
        if let Some(new) = out.stages.last() {
            stage_of.insert(s.id, new.id);
        }
    }
    let mut index_of = HashMap::new();
    let mut touchpoints = Vec::with_capacity(value.touchpoints.len());
    for (i, t) in value.touchpoints.iter().enumerate() {
        let stage = *stage_of.get(&t.stage).ok_or_else(|| {
            Error::InvalidInput(format!(
                "touchpoint \"{}\" is in stage {}, which the journey does not have",
                t.name, t.stage
            ))
        })?;
        index_of.insert(t.id, i as u32);
        touchpoints.push(Touchpoint { stage, ..t.clone() });
    }
    let mut transitions = Vec::with_capacity(value.transitions.len());
    for t in &value.transitions {
        let end = |id| {
            index_of.get(&id).copied().ok_or_else(|| {
                Error::InvalidInput(format!(
                    "a transition refers to touchpoint {id}, which the journey does not have"
                ))
            })
        };
        transitions.push(PastedTransition {
            from: end(t.from)?,
            to: end(t.to)?,
        });
    }
    let first = out.touchpoints.len();
    Edit::Paste {
        touchpoints,
        transitions,
    }
    .apply_to(out, ids)?;
    // The paste keeps the order: the value's touchpoints are the last ones, in the same order.
    let touchpoint_of: HashMap<TouchpointId, TouchpointId> = value
        .touchpoints
        .iter()
        .zip(out.touchpoints.get(first..).unwrap_or_default())
        .map(|(old, new)| (old.id, new.id))
        .collect();
    for note in &value.notes {
        let target = match note.target {
            NoteTarget::Touchpoint { touchpoint } => NoteTarget::Touchpoint {
                touchpoint: *touchpoint_of.get(&touchpoint).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "a note is on touchpoint {touchpoint}, which the journey does not have"
                    ))
                })?,
            },
            NoteTarget::Stage { stage } => NoteTarget::Stage {
                stage: *stage_of.get(&stage).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "a note is on stage {stage}, which the journey does not have"
                    ))
                })?,
            },
        };
        Edit::AddNote {
            target,
            kind: note.kind,
            text: note.text.clone(),
        }
        .apply_to(out, ids)?;
    }
    // A view whose selected touchpoint is not in the journey opens without a selection, as a
    // view does once its touchpoint is deleted.
    let mut view_of = HashMap::new();
    for view in &value.views {
        let mut state = view.state.clone();
        state.selected = state.selected.and_then(|t| touchpoint_of.get(&t).copied());
        Edit::SaveView {
            name: view.name.clone(),
            state,
        }
        .apply_to(out, ids)?;
        if let Some(new) = out.views.last() {
            view_of.insert(view.id, new.id);
        }
    }
    for story in &value.stories {
        let slides = story
            .slides
            .iter()
            .map(|slide| {
                let view = *view_of.get(&slide.view).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "a slide of story \"{}\" shows view {}, which the journey does not have",
                        story.title, slide.view
                    ))
                })?;
                Ok(StorySlide {
                    view,
                    ..slide.clone()
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Edit::SaveStory {
            title: story.title.clone(),
            slides,
        }
        .apply_to(out, ids)?;
    }
    Ok(())
}

/// The journey that holds `touchpoint`.
fn journey_of(conn: &Connection, touchpoint: TouchpointId) -> Result<JourneyId> {
    conn.query_row(
        "SELECT journey_id FROM touchpoints WHERE id = ?1",
        [touchpoint.0],
        |r| r.get(0),
    )
    .optional()?
    .map(JourneyId)
    .ok_or(Error::NotFound {
        what: "touchpoint",
        id: touchpoint.0,
    })
}

fn history_in(conn: &Connection, journey: JourneyId) -> Result<History> {
    let undo = conn
        .query_row(
            "SELECT label FROM edit_history WHERE journey_id = ?1 AND undone = 0
             ORDER BY id DESC LIMIT 1",
            [journey.0],
            |r| r.get(0),
        )
        .optional()?;
    let redo = conn
        .query_row(
            "SELECT label FROM edit_history WHERE journey_id = ?1 AND undone = 1
             ORDER BY id LIMIT 1",
            [journey.0],
            |r| r.get(0),
        )
        .optional()?;
    Ok(History { undo, redo })
}

/// The next free id of each table: above every row there and every id edits ever gave out.
fn next_ids(conn: &Connection) -> Result<Ids> {
    let mut next = [1i64; Table::ALL.len()];
    for table in Table::ALL {
        let sql = format!(
            "SELECT MAX(COALESCE((SELECT MAX(id) FROM {0}), 0),
                        COALESCE((SELECT id FROM id_high_water WHERE name = '{0}'), 0))",
            table.name()
        );
        let top: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        next[table as usize] = top + 1;
    }
    Ok(Ids { next })
}

fn raise_high_water(conn: &Connection, ids: &Ids) -> Result<()> {
    for table in Table::ALL {
        conn.execute(
            "INSERT INTO id_high_water (name, id) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET id = MAX(id, excluded.id)",
            params![table.name(), ids.next[table as usize] - 1],
        )?;
    }
    Ok(())
}

/// Writes the rows of `change` for `journey`, whose stored state is `before`.
fn write_change(
    conn: &Connection,
    journey: JourneyId,
    before: &Journey,
    change: &Change,
) -> Result<()> {
    // Stage positions are rewritten as indices; make the stored ones match them first, so that
    // writing only the changed stages keeps the order.
    if !change.stages.is_empty() {
        let mut stmt = conn
            .prepare_cached("UPDATE stages SET position = ?1 WHERE id = ?2 AND position != ?1")?;
        for (i, s) in before.stages.iter().enumerate() {
            stmt.execute(params![i as i64, s.id.0])?;
        }
    }
    if let Some(h) = change.header.as_ref().and_then(|h| h.after.as_ref()) {
        conn.execute(
            "UPDATE journeys SET name = ?2, description = ?3 WHERE id = ?1",
            params![journey.0, h.name, h.description],
        )?;
    }
    let mut delete_transition =
        conn.prepare_cached("DELETE FROM transitions WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.transitions.iter().filter(|c| c.after.is_none()) {
        if let Some(t) = &c.before {
            delete_transition.execute(params![t.id.0, journey.0])?;
        }
    }
    let mut delete_touchpoint =
        conn.prepare_cached("DELETE FROM touchpoints WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.touchpoints.iter().filter(|c| c.after.is_none()) {
        if let Some(t) = &c.before {
            delete_touchpoint.execute(params![t.id.0, journey.0])?;
        }
    }
    let mut upsert_stage = conn.prepare_cached(
        "INSERT INTO stages (id, journey_id, name, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position
         WHERE stages.journey_id = excluded.journey_id",
    )?;
    for s in change.stages.iter().filter_map(|c| c.after.as_ref()) {
        let written = upsert_stage.execute(params![
            s.stage.id.0,
            journey.0,
            s.stage.name,
            s.position as i64
        ])?;
        written_once(written, "stage", s.stage.id.0)?;
    }
    for c in &change.touchpoints {
        if let Some(t) = &c.after {
            upsert_touchpoint(conn, journey, t)?;
            let aliases_changed = c.before.as_ref().is_none_or(|b| b.aliases != t.aliases);
            if aliases_changed {
                write_aliases(conn, t)?;
            }
        }
    }
    for t in change.transitions.iter().filter_map(|c| c.after.as_ref()) {
        upsert_transition(conn, journey, t)?;
    }
    let mut delete_stage =
        conn.prepare_cached("DELETE FROM stages WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.stages.iter().filter(|c| c.after.is_none()) {
        if let Some(s) = &c.before {
            delete_stage.execute(params![s.stage.id.0, journey.0])?;
        }
    }
    write_views(conn, journey, before, change)?;
    write_notes(conn, journey, change)?;
    write_stories(conn, journey, change)?;
    for c in &change.personas {
        match (&c.before, &c.after) {
            (_, Some(p)) => upsert_persona(conn, journey, p)?,
            (Some(p), None) => {
                conn.execute(
                    "DELETE FROM personas WHERE id = ?1 AND journey_id = ?2",
                    params![p.id.0, journey.0],
                )?;
            }
            (None, None) => {}
        }
    }
    Ok(())
}

fn upsert_touchpoint(conn: &Connection, journey: JourneyId, t: &Touchpoint) -> Result<()> {
    let written = conn.prepare_cached(
        "INSERT INTO touchpoints (id, journey_id, stage_id, name, channel, kind, x, y, is_entry,
                                  is_goal, description, owner, emotion, pain_points,
                                  opportunities, kpis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT (id) DO UPDATE SET
             stage_id = excluded.stage_id, name = excluded.name, channel = excluded.channel,
             kind = excluded.kind, x = excluded.x, y = excluded.y, is_entry = excluded.is_entry,
             is_goal = excluded.is_goal, description = excluded.description,
             owner = excluded.owner, emotion = excluded.emotion,
             pain_points = excluded.pain_points, opportunities = excluded.opportunities,
             kpis = excluded.kpis
         WHERE touchpoints.journey_id = excluded.journey_id",
    )?
    .execute(params![
        t.id.0,
        journey.0,
        t.stage.0,
        t.name,
        t.channel.as_str(),
        t.kind.as_str(),
        t.x,
        t.y,
        t.entry,
        t.goal,
        t.description,
        t.owner,
        t.emotion,
        to_json(&t.pain_points)?,
        to_json(&t.opportunities)?,
        to_json(&t.kpis)?,
    ])?;
    written_once(written, "touchpoint", t.id.0)
}

fn write_aliases(conn: &Connection, t: &Touchpoint) -> Result<()> {
    conn.prepare_cached("DELETE FROM touchpoint_aliases WHERE touchpoint_id = ?1")?
        .execute([t.id.0])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO touchpoint_aliases (touchpoint_id, alias) VALUES (?1, ?2)")?;
    for alias in &t.aliases {
        insert.execute(params![t.id.0, alias])?;
    }
    Ok(())
}

fn upsert_transition(conn: &Connection, journey: JourneyId, t: &Transition) -> Result<()> {
    let written = conn
        .prepare_cached(
            "INSERT INTO transitions (id, journey_id, from_id, to_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET from_id = excluded.from_id, to_id = excluded.to_id
             WHERE transitions.journey_id = excluded.journey_id",
        )?
        .execute(params![t.id.0, journey.0, t.from.0, t.to.0])?;
    written_once(written, "transition", t.id.0)
}

fn upsert_persona(conn: &Connection, journey: JourneyId, p: &Persona) -> Result<()> {
    let written = conn.prepare_cached(
        "INSERT INTO personas (id, journey_id, name, description, goals) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
             goals = excluded.goals
         WHERE personas.journey_id = excluded.journey_id",
    )?
    .execute(params![
        p.id.0,
        journey.0,
        p.name,
        p.description,
        to_json(&p.goals)?
    ])?;
    written_once(written, "persona", p.id.0)
}

/// Writes the views of `change`, keeping the order as stages do: the stored positions are made
/// the indices of `before` first, then only the changed views are written.
fn write_views(
    conn: &Connection,
    journey: JourneyId,
    before: &Journey,
    change: &Change,
) -> Result<()> {
    if change.views.is_empty() {
        return Ok(());
    }
    let mut stmt =
        conn.prepare_cached("UPDATE views SET position = ?1 WHERE id = ?2 AND position != ?1")?;
    for (i, v) in before.views.iter().enumerate() {
        stmt.execute(params![i as i64, v.id.0])?;
    }
    let mut delete = conn.prepare_cached("DELETE FROM views WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.views.iter().filter(|c| c.after.is_none()) {
        if let Some(v) = &c.before {
            delete.execute(params![v.view.id.0, journey.0])?;
        }
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO views (id, journey_id, name, position, state) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position,
                                        state = excluded.state
         WHERE views.journey_id = excluded.journey_id",
    )?;
    for v in change.views.iter().filter_map(|c| c.after.as_ref()) {
        let written = upsert.execute(params![
            v.view.id.0,
            journey.0,
            v.view.name,
            v.position as i64,
            to_json(&v.view.state)?
        ])?;
        written_once(written, "view", v.view.id.0)?;
    }
    Ok(())
}

/// Writes the notes of `change`: the deleted ones go, the added and moved ones are written with
/// their place in the order.
fn write_notes(conn: &Connection, journey: JourneyId, change: &Change) -> Result<()> {
    let mut delete = conn.prepare_cached("DELETE FROM notes WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.notes.iter().filter(|c| c.after.is_none()) {
        if let Some(n) = &c.before {
            delete.execute(params![n.note.id.0, journey.0])?;
        }
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO notes (id, journey_id, position, touchpoint_id, stage_id, kind, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position,
             touchpoint_id = excluded.touchpoint_id, stage_id = excluded.stage_id,
             kind = excluded.kind, text = excluded.text
         WHERE notes.journey_id = excluded.journey_id",
    )?;
    for n in change.notes.iter().filter_map(|c| c.after.as_ref()) {
        let (touchpoint, stage) = match n.note.target {
            NoteTarget::Touchpoint { touchpoint } => (Some(touchpoint.0), None),
            NoteTarget::Stage { stage } => (None, Some(stage.0)),
        };
        let written = upsert.execute(params![
            n.note.id.0,
            journey.0,
            n.position as i64,
            touchpoint,
            stage,
            n.note.kind.as_str(),
            n.note.text
        ])?;
        written_once(written, "note", n.note.id.0)?;
    }
    Ok(())
}

/// Writes the stories of `change`: the deleted ones go, the added and changed ones are written
/// whole with their place in the list.
fn write_stories(conn: &Connection, journey: JourneyId, change: &Change) -> Result<()> {
    let mut delete =
        conn.prepare_cached("DELETE FROM stories WHERE id = ?1 AND journey_id = ?2")?;
    for c in change.stories.iter().filter(|c| c.after.is_none()) {
        if let Some(s) = &c.before {
            delete.execute(params![s.story.id.0, journey.0])?;
        }
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO stories (id, journey_id, position, title, slides) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title,
             slides = excluded.slides
         WHERE stories.journey_id = excluded.journey_id",
    )?;
    for s in change.stories.iter().filter_map(|c| c.after.as_ref()) {
        let written = upsert.execute(params![
            s.story.id.0,
            journey.0,
            s.position as i64,
            s.story.title,
            to_json(&s.story.slides)?
        ])?;
        written_once(written, "story", s.story.id.0)?;
    }
    Ok(())
}

/// An upsert that wrote nothing met a row of another journey under the same id: never write
/// over it.
fn written_once(rows: usize, what: &str, id: i64) -> Result<()> {
    if rows == 1 {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "{what} {id} belongs to another journey; the edit was not applied"
        )))
    }
}

/// Whether a row that `change` creates has its id taken by another journey's row (given out
/// outside the editor since the change was recorded).
fn taken_elsewhere(conn: &Connection, journey: JourneyId, change: &Change) -> Result<bool> {
    fn created<T, I>(rows: &[crate::edit::RowChange<T>], id: impl Fn(&T) -> I) -> Vec<I> {
        rows.iter()
            .filter(|r| r.before.is_none())
            .filter_map(|r| r.after.as_ref().map(&id))
            .collect()
    }
    let mut wanted: Vec<(Table, i64)> = Vec::new();
    wanted.extend(created(&change.stages, |s| (Table::Stages, s.stage.id.0)));
    wanted.extend(created(&change.touchpoints, |t| {
        (Table::Touchpoints, t.id.0)
    }));
    wanted.extend(created(&change.transitions, |t| {
        (Table::Transitions, t.id.0)
    }));
    wanted.extend(created(&change.personas, |p| (Table::Personas, p.id.0)));
    wanted.extend(created(&change.views, |v| (Table::Views, v.view.id.0)));
    wanted.extend(created(&change.notes, |n| (Table::Notes, n.note.id.0)));
    wanted.extend(created(&change.stories, |s| (Table::Stories, s.story.id.0)));
    for (table, id) in wanted {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1 AND journey_id != ?2)",
            table.name()
        );
        let taken: bool = conn.query_row(&sql, params![id, journey.0], |r| r.get(0))?;
        if taken {
            return Ok(true);
        }
    }
    Ok(false)
}
