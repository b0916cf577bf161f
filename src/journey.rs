//! The journey model: ordered stages, touchpoints placed in them, and the transitions between
//! touchpoints.
//!
//! A [`Journey`] is the plain data a workspace stores and the UI draws. [`Journey::graph`] views it
//! as a petgraph directed graph (touchpoints as nodes, transitions as edges) for the questions that
//! need graph algorithms, such as which touchpoints can be reached from an entry.

use std::collections::HashMap;
use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::Dfs;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod note;
pub mod story;
pub mod view;
pub use note::{Note, NoteKind, NoteTarget};
pub use story::{Story, StorySlide};
pub use view::SavedView;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        pub struct $name(#[ts(type = "number")] pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A journey's row id in the workspace.
    JourneyId,
    /// A stage's row id in the workspace.
    StageId,
    /// A touchpoint's row id in the workspace.
    TouchpointId,
    /// A transition's row id in the workspace.
    TransitionId,
    /// A persona's row id in the workspace.
    PersonaId,
    /// A saved view's id, unique within its journey.
    ViewId,
    /// A workshop note's row id in the workspace.
    NoteId,
    /// A story's row id in the workspace.
    StoryId,
);

/// Whether a customer meets the touchpoint in a place or through a screen.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Physical,
    #[default]
    Digital,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Physical, Kind::Digital];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Physical => "physical",
            Kind::Digital => "digital",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The medium through which a touchpoint reaches the customer.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Store,
    CallCentre,
    Kiosk,
    Web,
    App,
    Email,
    Sms,
    Chatbot,
    Social,
    VideoCall,
    #[default]
    Other,
}

impl Channel {
    pub const ALL: [Channel; 11] = [
        Channel::Store,
        Channel::CallCentre,
        Channel::Kiosk,
        Channel::Web,
        Channel::App,
        Channel::Email,
        Channel::Sms,
        Channel::Chatbot,
        Channel::Social,
        Channel::VideoCall,
        Channel::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Store => "store",
            Channel::CallCentre => "call_centre",
            Channel::Kiosk => "kiosk",
            Channel::Web => "web",
            Channel::App => "app",
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::Chatbot => "chatbot",
            Channel::Social => "social",
            Channel::VideoCall => "video_call",
            Channel::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// The kind a new touchpoint of this channel gets unless the user says otherwise: places and
    /// people are physical, screens are digital.
    pub fn usual_kind(self) -> Kind {
        match self {
            Channel::Store | Channel::CallCentre | Channel::Kiosk => Kind::Physical,
            _ => Kind::Digital,
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
}

/// How a customer feels at a touchpoint, from −2 (very negative) to +2 (very positive).
pub const EMOTION_RANGE: std::ops::RangeInclusive<i8> = -2..=2;

/// The stage that holds touchpoints made from log values when there is no designed stage for
/// them, per metrics.md.
pub const UNASSIGNED_STAGE: &str = "Unassigned";

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Touchpoint {
    pub id: TouchpointId,
    pub stage: StageId,
    pub name: String,
    pub channel: Channel,
    pub kind: Kind,
    /// Horizontal offset inside the stage's lane, in canvas units.
    pub x: f64,
    /// Vertical offset inside the touchpoint's kind band, in canvas units.
    pub y: f64,
    /// Customers typically start their journey here.
    pub entry: bool,
    /// Reaching this touchpoint completes the journey (see metrics.md, customer status).
    pub goal: bool,
    /// Log values that mean this touchpoint, besides its name.
    pub aliases: Vec<String>,
    /// What happens here, in the strategist's words.
    pub description: String,
    /// Who in the company is responsible for this touchpoint.
    pub owner: String,
    /// How customers feel here, from -2 (very negative) to +2 (very positive); none when not
    /// assessed.
    pub emotion: Option<i8>,
    pub pain_points: Vec<String>,
    pub opportunities: Vec<Opportunity>,
    pub kpis: Vec<Kpi>,
}

/// Where an improvement idea stands.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// An improvement idea for a touchpoint and who owns it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Opportunity {
    pub text: String,
    pub owner: String,
    pub status: OpportunityStatus,
}

/// A measure the company tracks at a touchpoint (e.g. NPS, CSAT), as entered by the user: these
/// are not computed from the log.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kpi {
    pub name: String,
    pub value: Option<f64>,
    pub target: Option<f64>,
}

/// Who the journey is about.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    pub description: String,
    pub goals: Vec<String>,
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub id: TransitionId,
    pub from: TouchpointId,
    pub to: TouchpointId,
}

/// One journey map: its personas, its stages in order, its touchpoints and its transitions.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Journey {
    pub id: JourneyId,
    pub name: String,
    pub description: String,
    /// Who the journey is about, in the order they were added.
    pub personas: Vec<Persona>,
    /// In journey order: the first stage is the leftmost lane.
    pub stages: Vec<Stage>,
    pub touchpoints: Vec<Touchpoint>,
    pub transitions: Vec<Transition>,
    /// The saved states of Analyze, in the order the user gave them (see [`view`]).
    #[serde(default)]
    pub views: Vec<SavedView>,
    /// The notes taken in workshops, in the order they were taken (see [`note`]).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The stories told with the saved views, in the order they were made (see [`story`]).
    #[serde(default)]
    pub stories: Vec<Story>,
}

/// What the journey list shows about a journey without loading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JourneySummary {
    pub id: JourneyId,
    pub name: String,
    pub stages: u32,
    pub touchpoints: u32,
    pub transitions: u32,
}

/// A journey seen as a directed graph, with the maps between row ids and graph indices.
pub struct JourneyGraph {
    pub graph: DiGraph<TouchpointId, TransitionId>,
    index: HashMap<TouchpointId, NodeIndex>,
}

impl JourneyGraph {
    pub fn node(&self, id: TouchpointId) -> Option<NodeIndex> {
        self.index.get(&id).copied()
    }

    /// Touchpoints that no path from any of `starts` reaches, in the journey's touchpoint order.
    pub fn unreachable_from(&self, starts: &[TouchpointId]) -> Vec<TouchpointId> {
        let mut seen = vec![false; self.graph.node_count()];
        for start in starts.iter().filter_map(|id| self.node(*id)) {
            let mut dfs = Dfs::new(&self.graph, start);
            while let Some(n) = dfs.next(&self.graph) {
                seen[n.index()] = true;
            }
        }
        self.graph
            .node_indices()
            .filter(|n| !seen[n.index()])
            .map(|n| self.graph[n])
            .collect()
    }
}

impl Journey {
    pub fn graph(&self) -> JourneyGraph {
        let mut graph = DiGraph::with_capacity(self.touchpoints.len(), self.transitions.len());
        let index: HashMap<TouchpointId, NodeIndex> = self
            .touchpoints
            .iter()
            .map(|t| (t.id, graph.add_node(t.id)))
            .collect();
        for t in &self.transitions {
            if let (Some(&a), Some(&b)) = (index.get(&t.from), index.get(&t.to)) {
                graph.add_edge(a, b, t.id);
            }
        }
        JourneyGraph { graph, index }
    }

    pub fn stage_position(&self, stage: StageId) -> Option<usize> {
        self.stages.iter().position(|s| s.id == stage)
    }

    pub fn touchpoint(&self, id: TouchpointId) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }

    pub fn summary(&self) -> JourneySummary {
        JourneySummary {
            id: self.id,
            name: self.name.clone(),
            stages: count(self.stages.len()),
            touchpoints: count(self.touchpoints.len()),
            transitions: count(self.transitions.len()),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(id: i64, stage: i64, name: &str) -> Touchpoint {
        Touchpoint {
            id: TouchpointId(id),
            stage: StageId(stage),
            name: name.into(),
            channel: Channel::Web,
            kind: Kind::Digital,
            x: 0.0,
            y: 0.0,
            entry: id == 1,
            ..Touchpoint::default()
        }
    }

    #[test]
    fn a_touchpoint_with_no_path_from_an_entry_is_unreachable() {
        let journey = Journey {
            id: JourneyId(1),
            name: "j".into(),
            description: String::new(),
            personas: Vec::new(),
            stages: vec![Stage {
                id: StageId(1),
                name: "s".into(),
            }],
            touchpoints: vec![tp(1, 1, "a"), tp(2, 1, "b"), tp(3, 1, "c")],
            transitions: vec![Transition {
                id: TransitionId(1),
                from: TouchpointId(1),
                to: TouchpointId(2),
            }],
            views: Vec::new(),
            notes: Vec::new(),
            stories: Vec::new(),
        };
        let graph = journey.graph();
        assert_eq!(graph.graph.edge_count(), 1);
        assert_eq!(
            graph.unreachable_from(&[TouchpointId(1)]),
            vec![TouchpointId(3)]
        );
    }

    #[test]
    fn channel_and_kind_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Channel::parse("fax"), None);
    }
}
