//! Reading and writing journeys in the workspace file.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::Workspace;
use crate::error::{Error, Result};
use crate::journey::{
    Channel, Journey, JourneyId, JourneySummary, Kind, Note, NoteId, NoteKind, NoteTarget, Persona,
    PersonaId, SavedView, Stage, StageId, Story, StoryId, Touchpoint, TouchpointId, Transition,
    TransitionId, ViewId,
};

/// A journey to be stored, with stages and touchpoints referred to by their index in this draft.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyDraft {
    pub name: String,
    pub description: String,
    pub stages: Vec<String>,
    pub touchpoints: Vec<TouchpointDraft>,
    /// Pairs of indices into `touchpoints`.
    pub transitions: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointDraft {
    /// Index into [`JourneyDraft::stages`].
    pub stage: usize,
    pub name: String,
    pub channel: Channel,
    pub kind: Kind,
    pub x: f64,
    pub y: f64,
    pub entry: bool,
    pub goal: bool,
}

impl Workspace {
    /// Stores a new journey in one transaction and returns its id.
    pub fn insert_journey(&mut self, draft: &JourneyDraft) -> Result<JourneyId> {
        let tx = self.conn.transaction()?;
        let journey = insert_journey_in(&tx, draft)?;
        tx.commit()?;
        Ok(journey)
    }

    /// The workspace's journeys in their list order.
    pub fn journeys(&self) -> Result<Vec<JourneySummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT j.id, j.name,
                    (SELECT COUNT(*) FROM stages s WHERE s.journey_id = j.id),
                    (SELECT COUNT(*) FROM touchpoints t WHERE t.journey_id = j.id),
                    (SELECT COUNT(*) FROM transitions x WHERE x.journey_id = j.id)
             FROM journeys j ORDER BY j.position, j.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(JourneySummary {
                id: JourneyId(r.get(0)?),
                name: r.get(1)?,
                stages: r.get(2)?,
                touchpoints: r.get(3)?,
                transitions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn journey(&self, id: JourneyId) -> Result<Journey> {
        load_journey(&self.conn, id)
    }
}

/// Reads a journey with everything it holds, on any connection or inside a transaction.
pub(crate) fn load_journey(conn: &Connection, id: JourneyId) -> Result<Journey> {
    let (name, description): (String, String) = conn
        .query_row(
            "SELECT name, description FROM journeys WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "journey",
            id: id.0,
        })?;
    let personas = conn
        .prepare_cached(
            "SELECT id, name, description, goals FROM personas WHERE journey_id = ?1 ORDER BY id",
        )?
        .query_map([id.0], |r| {
            Ok(Persona {
                id: PersonaId(r.get(0)?),
                name: r.get(1)?,
                description: r.get(2)?,
                goals: json_column(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let stages = conn
        .prepare_cached("SELECT id, name FROM stages WHERE journey_id = ?1 ORDER BY position, id")?
        .query_map([id.0], |r| {
            Ok(Stage {
                id: StageId(r.get(0)?),
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut touchpoints: Vec<Touchpoint> = conn
        .prepare_cached(
            "SELECT id, stage_id, name, channel, kind, x, y, is_entry, is_goal, description,
                    owner, emotion, pain_points, opportunities, kpis
             FROM touchpoints WHERE journey_id = ?1 ORDER BY id",
        )?
        .query_map([id.0], touchpoint_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let position: HashMap<TouchpointId, usize> = touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    let mut aliases = conn.prepare_cached(
        "SELECT a.touchpoint_id, a.alias FROM touchpoint_aliases a
         JOIN touchpoints t ON t.id = a.touchpoint_id
         WHERE t.journey_id = ?1 ORDER BY a.rowid",
    )?;
    let mut rows = aliases.query([id.0])?;
    while let Some(r) = rows.next()? {
        let owner = TouchpointId(r.get(0)?);
        if let Some(&i) = position.get(&owner) {
            touchpoints[i].aliases.push(r.get(1)?);
        }
    }
    let transitions = conn
        .prepare_cached(
            "SELECT id, from_id, to_id FROM transitions WHERE journey_id = ?1 ORDER BY id",
        )?
        .query_map([id.0], |r| {
            Ok(Transition {
                id: TransitionId(r.get(0)?),
                from: TouchpointId(r.get(1)?),
                to: TouchpointId(r.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let views = conn
        .prepare_cached(
            "SELECT id, name, state FROM views WHERE journey_id = ?1 ORDER BY position, id",
        )?
        .query_map([id.0], |r| {
            Ok(SavedView {
                id: ViewId(r.get(0)?),
                name: r.get(1)?,
                state: json_column(r, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let notes = conn
        .prepare_cached(
            "SELECT id, touchpoint_id, stage_id, kind, text FROM notes WHERE journey_id = ?1
             ORDER BY position, id",
        )?
        .query_map([id.0], note_row)?
        .collect::<rusqlite::Result<_>>()?;
    let stories = conn
        .prepare_cached(
            "SELECT id, title, slides FROM stories WHERE journey_id = ?1 ORDER BY position, id",
        )?
        .query_map([id.0], |r| {
            Ok(Story {
                id: StoryId(r.get(0)?),
                title: r.get(1)?,
                slides: json_column(r, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Journey {
        id,
        name,
        description,
        personas,
        stages,
        touchpoints,
        transitions,
        views,
        notes,
        stories,
    })
}

fn note_row(r: &Row) -> rusqlite::Result<Note> {
    let touchpoint: Option<i64> = r.get(1)?;
    let stage: Option<i64> = r.get(2)?;
    let target = match (touchpoint, stage) {
        (Some(t), _) => NoteTarget::Touchpoint {
            touchpoint: TouchpointId(t),
        },
        (None, Some(s)) => NoteTarget::Stage { stage: StageId(s) },
        (None, None) => return Err(bad_column(1, "a note on neither a touchpoint nor a stage")),
    };
    let kind: String = r.get(3)?;
    Ok(Note {
        id: NoteId(r.get(0)?),
        target,
        kind: NoteKind::parse(&kind).ok_or_else(|| bad_column(3, "an unknown kind of note"))?,
        text: r.get(4)?,
    })
}

/// A JSON column read into its Rust type; a damaged value is reported as a conversion error.
fn json_column<T: serde::de::DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A stored value that this format cannot hold, as a conversion error of column `i`.
fn bad_column(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
}

pub(crate) fn to_json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::CorruptData(e.to_string()))
}

/// Stores a journey inside the caller's transaction, so that an import can create one together
/// with its source.
pub(crate) fn insert_journey_in(
    tx: &rusqlite::Connection,
    draft: &JourneyDraft,
) -> Result<JourneyId> {
    let position: i64 = tx.query_row(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM journeys",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO journeys (name, description, position) VALUES (?1, ?2, ?3)",
        params![draft.name, draft.description, position],
    )?;
    let journey = tx.last_insert_rowid();
    let mut stage_ids = Vec::with_capacity(draft.stages.len());
    for (i, name) in draft.stages.iter().enumerate() {
        tx.execute(
            "INSERT INTO stages (journey_id, name, position) VALUES (?1, ?2, ?3)",
            params![journey, name, i as i64],
        )?;
        stage_ids.push(tx.last_insert_rowid());
    }
    let mut touchpoint_ids = Vec::with_capacity(draft.touchpoints.len());
    for t in &draft.touchpoints {
        let stage = *stage_ids.get(t.stage).ok_or_else(|| {
            Error::InvalidInput(format!(
                "touchpoint {:?} refers to stage {} but the journey has {} stages",
                t.name,
                t.stage + 1,
                stage_ids.len()
            ))
        })?;
        tx.execute(
            "INSERT INTO touchpoints (journey_id, stage_id, name, channel, kind, x, y, is_entry, is_goal)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                journey,
                stage,
                t.name,
                t.channel.as_str(),
                t.kind.as_str(),
                t.x,
                t.y,
                t.entry,
                t.goal
            ],
        )?;
        touchpoint_ids.push(tx.last_insert_rowid());
    }
    for &(from, to) in &draft.transitions {
        let endpoint = |i: usize| {
            touchpoint_ids.get(i).copied().ok_or_else(|| {
                Error::InvalidInput(format!(
                    "a transition refers to touchpoint {} but the journey has {}",
                    i + 1,
                    touchpoint_ids.len()
                ))
            })
        };
        tx.execute(
            "INSERT INTO transitions (journey_id, from_id, to_id) VALUES (?1, ?2, ?3)",
            params![journey, endpoint(from)?, endpoint(to)?],
        )?;
    }
    Ok(JourneyId(journey))
}

fn touchpoint_from_row(r: &Row<'_>) -> rusqlite::Result<Touchpoint> {
    let emotion: Option<i64> = r.get(11)?;
    let channel: String = r.get(3)?;
    let kind: String = r.get(4)?;
    Ok(Touchpoint {
        id: TouchpointId(r.get(0)?),
        stage: StageId(r.get(1)?),
        name: r.get(2)?,
        channel: Channel::parse(&channel).unwrap_or(Channel::Other),
        kind: Kind::parse(&kind).unwrap_or(Kind::Digital),
        x: r.get(5)?,
        y: r.get(6)?,
        entry: r.get(7)?,
        goal: r.get(8)?,
        aliases: Vec::new(),
        description: r.get(9)?,
        owner: r.get(10)?,
        emotion: emotion.and_then(|e| i8::try_from(e).ok()),
        pain_points: json_column(r, 12)?,
        opportunities: json_column(r, 13)?,
        kpis: json_column(r, 14)?,
    })
}
