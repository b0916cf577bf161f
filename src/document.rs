//! A journey as a JSON file, for version control and sharing.
//!
//! The file says what it is and which version of the format it follows:
//! `{"format": "percorso-journey", "version": 1, ...}`. It holds no workspace ids: touchpoints
//! name their stage by its index in `stages`, transitions their touchpoints by index in
//! `touchpoints`, so that exporting a journey, importing the file and exporting again gives the
//! same file byte for byte. Reading a bad file names the line, the column and the field.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::journey::{
    Channel, Journey, Kind, Kpi, Opportunity, Persona, PersonaId, Stage, StageId, Touchpoint,
    TouchpointId, Transition, TransitionId, EMOTION_RANGE,
};

/// The value of `format` in every journey file.
pub const FORMAT: &str = "percorso-journey";
/// The newest version of the journey file this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyFile {
    pub format: String,
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub personas: Vec<PersonaEntry>,
    #[serde(default)]
    pub stages: Vec<StageEntry>,
    #[serde(default)]
    pub touchpoints: Vec<TouchpointEntry>,
    #[serde(default)]
    pub transitions: Vec<TransitionEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonaEntry {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEntry {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchpointEntry {
    /// Index into `stages`.
    pub stage: usize,
    pub name: String,
    pub channel: Channel,
    pub kind: Kind,
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
    #[serde(default)]
    pub entry: bool,
    #[serde(default)]
    pub goal: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub emotion: Option<i8>,
    #[serde(default)]
    pub pain_points: Vec<String>,
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionEntry {
    /// Index into `touchpoints`.
    pub from: usize,
    /// Index into `touchpoints`.
    pub to: usize,
}

/// Just enough of a file to tell whether it is a journey file this build can read.
#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    version: Option<u32>,
}

impl JourneyFile {
    /// The file of `journey`: stages in order, touchpoints and transitions in journey order.
    pub fn of(journey: &Journey) -> Result<JourneyFile> {
        let stage_index = |id: StageId| {
            journey.stage_position(id).ok_or_else(|| {
                Error::CorruptData(format!("a touchpoint refers to missing stage {id}"))
            })
        };
        let touchpoint_index = |id: TouchpointId| {
            journey
                .touchpoints
                .iter()
                .position(|t| t.id == id)
                .ok_or_else(|| {
                    Error::CorruptData(format!("a transition refers to missing touchpoint {id}"))
                })
        };
        Ok(JourneyFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            name: journey.name.clone(),
            description: journey.description.clone(),
            personas: journey
                .personas
                .iter()
                .map(|p| PersonaEntry {
                    name: p.name.clone(),
                    description: p.description.clone(),
                    goals: p.goals.clone(),
                })
                .collect(),
            stages: journey
                .stages
                .iter()
                .map(|s| StageEntry {
                    name: s.name.clone(),
                })
                .collect(),
            touchpoints: journey
                .touchpoints
                .iter()
                .map(|t| {
                    Ok(TouchpointEntry {
                        stage: stage_index(t.stage)?,
                        name: t.name.clone(),
                        channel: t.channel,
                        kind: t.kind,
                        x: t.x,
                        y: t.y,
                        entry: t.entry,
                        goal: t.goal,
                        aliases: t.aliases.clone(),
                        description: t.description.clone(),
                        owner: t.owner.clone(),
                        emotion: t.emotion,
                        pain_points: t.pain_points.clone(),
                        opportunities: t.opportunities.clone(),
                        kpis: t.kpis.clone(),
                    })
                })
                .collect::<Result<_>>()?,
            transitions: journey
                .transitions
                .iter()
                .map(|t| {
                    Ok(TransitionEntry {
                        from: touchpoint_index(t.from)?,
                        to: touchpoint_index(t.to)?,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }

    /// The journey this file describes, with ids that only link its parts (the workspace gives
    /// new ones when it stores it). Indices out of range are reported with their field.
    pub fn to_journey(&self) -> Result<Journey> {
        let bad = |location: String, reason: String| Error::BadJourneyFile { location, reason };
        let named = |location: String, name: &str| {
            if name.trim().is_empty() {
                Err(bad(location, "the name is empty".into()))
            } else {
                Ok(())
            }
        };
        named("name".into(), &self.name)?;
        for (i, p) in self.personas.iter().enumerate() {
            named(format!("personas[{i}].name"), &p.name)?;
        }
        for (i, s) in self.stages.iter().enumerate() {
            named(format!("stages[{i}].name"), &s.name)?;
        }
        for (i, t) in self.touchpoints.iter().enumerate() {
            named(format!("touchpoints[{i}].name"), &t.name)?;
            if let Some(e) = t.emotion.filter(|e| !EMOTION_RANGE.contains(e)) {
                return Err(bad(
                    format!("touchpoints[{i}].emotion"),
                    format!("{e} is outside -2…+2"),
                ));
            }
            let mut seen = std::collections::HashSet::new();
            for (k, alias) in t.aliases.iter().enumerate() {
                if alias.trim().is_empty() || !seen.insert(alias) {
                    return Err(bad(
                        format!("touchpoints[{i}].aliases[{k}]"),
                        format!("\"{alias}\" is empty or given twice"),
                    ));
                }
            }
        }
        let mut links = std::collections::HashSet::new();
        for (i, t) in self.transitions.iter().enumerate() {
            if t.from == t.to || !links.insert((t.from, t.to)) {
                return Err(bad(
                    format!("transitions[{i}]"),
                    "a transition links two different touchpoints, once in each direction".into(),
                ));
            }
        }
        let stages: Vec<Stage> = self
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| Stage {
                id: StageId(i as i64 + 1),
                name: s.name.clone(),
            })
            .collect();
        let mut touchpoints = Vec::with_capacity(self.touchpoints.len());
        for (i, t) in self.touchpoints.iter().enumerate() {
            if t.stage >= stages.len() {
                return Err(bad(
                    format!("touchpoints[{i}].stage"),
                    format!(
                        "stage {} does not exist: the file has {} stages (counted from 0)",
                        t.stage,
                        stages.len()
                    ),
                ));
            }
            touchpoints.push(Touchpoint {
                id: TouchpointId(i as i64 + 1),
                stage: StageId(t.stage as i64 + 1),
                name: t.name.clone(),
                channel: t.channel,
                kind: t.kind,
                x: t.x,
                y: t.y,
                entry: t.entry,
                goal: t.goal,
                aliases: t.aliases.clone(),
                description: t.description.clone(),
                owner: t.owner.clone(),
                emotion: t.emotion,
                pain_points: t.pain_points.clone(),
                opportunities: t.opportunities.clone(),
                kpis: t.kpis.clone(),
            });
        }
        let mut transitions = Vec::with_capacity(self.transitions.len());
        for (i, t) in self.transitions.iter().enumerate() {
            for (end, index) in [("from", t.from), ("to", t.to)] {
                if index >= touchpoints.len() {
                    return Err(bad(
                        format!("transitions[{i}].{end}"),
                        format!(
                            "touchpoint {index} does not exist: the file has {} touchpoints (counted from 0)",
                            touchpoints.len()
                        ),
                    ));
                }
            }
            transitions.push(Transition {
                id: TransitionId(i as i64 + 1),
                from: TouchpointId(t.from as i64 + 1),
                to: TouchpointId(t.to as i64 + 1),
            });
        }
        Ok(Journey {
            id: Default::default(),
            name: self.name.clone(),
            description: self.description.clone(),
            personas: self
                .personas
                .iter()
                .enumerate()
                .map(|(i, p)| Persona {
                    id: PersonaId(i as i64 + 1),
                    name: p.name.clone(),
                    description: p.description.clone(),
                    goals: p.goals.clone(),
                })
                .collect(),
            stages,
            touchpoints,
            transitions,
            views: Vec::new(),
            notes: Vec::new(),
            stories: Vec::new(),
        })
    }

    /// The file as text: pretty-printed JSON ending with a newline, so that it diffs well.
    pub fn to_text(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::InvalidInput(format!("the journey cannot be written: {e}")))?;
        text.push('\n');
        Ok(text)
    }

    /// Reads a journey file, saying where and why it is wrong when it is.
    pub fn parse(text: &str) -> Result<JourneyFile> {
        let envelope: Envelope = serde_json::from_str(text).map_err(|e| located(&e, None))?;
        match envelope.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => {
                return Err(Error::BadJourneyFile {
                    location: "format".into(),
                    reason: format!("\"{other}\" is not a Percorso journey file (expected \"{FORMAT}\")"),
                })
            }
            None => {
                return Err(Error::BadJourneyFile {
                    location: "format".into(),
                    reason: format!("missing: a Percorso journey file starts with {{\"format\": \"{FORMAT}\", \"version\": {VERSION}, …}}"),
                })
            }
        }
        match envelope.version {
            Some(v) if v <= VERSION && v > 0 => {}
            Some(v) => {
                return Err(Error::BadJourneyFile {
                    location: "version".into(),
                    reason: format!("version {v} is not supported: this Percorso reads journey files up to version {VERSION}; update Percorso to read it"),
                })
            }
            None => {
                return Err(Error::BadJourneyFile {
                    location: "version".into(),
                    reason: "missing".into(),
                })
            }
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let file: JourneyFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            located(e.inner(), Some(path))
        })?;
        de.end().map_err(|e| located(&e, None))?;
        Ok(file)
    }
}

fn located(e: &serde_json::Error, path: Option<String>) -> Error {
    let mut location = format!("line {}, column {}", e.line(), e.column());
    if let Some(p) = path.filter(|p| p != ".") {
        location.push_str(&format!(", at {p}"));
    }
    // serde_json ends its messages with " at line L column C": already in the location.
    let message = e.to_string();
    let reason = match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    Error::BadJourneyFile { location, reason }
}

/// Reads the journey file at `path`; errors name the file.
pub fn read(path: &Path) -> Result<JourneyFile> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    JourneyFile::parse(&text).map_err(|e| match e {
        Error::BadJourneyFile { location, reason } => Error::BadJourneyFile {
            location: format!("{}: {location}", path.display()),
            reason,
        },
        other => other,
    })
}

/// Writes `file` to `path` through a temporary file beside it, so a failed write never leaves
/// half a file.
pub fn write(path: &Path, file: &JourneyFile) -> Result<()> {
    crate::atomic_write::write_bytes(path, file.to_text()?.as_bytes())
}
