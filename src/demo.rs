//! The demo workspace: a realistic omnichannel journey map, a second smaller journey, and a
//! generated log on the first, so that a first-time user sees a populated map at once and tests
//! and benchmarks have data of any size.

pub mod generator;
pub mod retail;

use std::path::Path;

pub use generator::{CustomerTrail, DemoConfig, DemoEvent, Generator};

use crate::error::Result;
use crate::journey::{
    Channel, Journey, Kind, Kpi, Opportunity, OpportunityStatus, Persona, PersonaId, Stage,
    StageId, Touchpoint, TouchpointId, Transition, TransitionId,
};
use crate::workspace::{JourneyDraft, SourceDraft, Workspace};

/// The template of the demo's second journey: a small one, so that the journey list shows that a
/// workspace holds several.
pub const SECOND_JOURNEY_TEMPLATE: &str = "bank_onboarding";

/// Writes the demo journeys and a generated log into `workspace`: the retail journey map first
/// (the one the app opens and the log is generated on), then a smaller journey from a template.
pub fn fill(workspace: &mut Workspace, config: &DemoConfig) -> Result<()> {
    workspace.insert_journey_value(&retail::journey_map_with_story())?;
    workspace.new_journey_from_template(SECOND_JOURNEY_TEMPLATE)?;
    let log = Generator::new(config.clone()).log();
    let source = SourceDraft {
        name: "Demo log".to_owned(),
        file_name: format!(
            "generated: {} customers, seed {}",
            config.customers, config.seed
        ),
        content_hash: format!("demo:{}:{}", config.customers, config.seed),
        timezone: "UTC".to_owned(),
        // Ads and pushed messages first record an exposure; the rest are interactions.
        mapping: r#"{"exposure_types":["impression","delivered"]}"#.to_owned(),
        rows_read: log.len() as u64,
        rows_rejected: 0,
        duplicates: 0,
    };
    workspace.add_source(&source, &log)?;
    Ok(())
}

/// Creates a demo workspace file at `path`.
pub fn create(path: impl AsRef<Path>, replace: bool, config: &DemoConfig) -> Result<Workspace> {
    Workspace::build(path, replace, |w| fill(w, config))
}

/// Builds a journey value lane by lane, placing touchpoints in their stage's kind band like the
/// demo: the demo's journey map ([`retail::journey_map`]) and the templates are built with it.
pub(crate) struct Builder {
    pub(crate) journey: Journey,
    rows: Vec<[usize; 2]>,
}

impl Builder {
    pub(crate) fn new(name: &str, description: &str) -> Self {
        Builder {
            journey: Journey {
                name: name.into(),
                description: description.into(),
                ..Journey::default()
            },
            rows: Vec::new(),
        }
    }

    /// A builder holding `draft`'s stages, touchpoints (with their entry and goal marks) and
    /// transitions, in the draft's order, with ids from 1.
    pub(crate) fn from_draft(draft: &JourneyDraft) -> Self {
        let mut b = Builder::new(&draft.name, &draft.description);
        let mut ids = Vec::with_capacity(draft.touchpoints.len());
        for (i, name) in draft.stages.iter().enumerate() {
            b.stage(name);
            for (di, t) in draft
                .touchpoints
                .iter()
                .enumerate()
                .filter(|(_, t)| t.stage == i)
            {
                let id = b.tp_kind(&t.name, t.channel, t.kind);
                if t.entry {
                    b.entry(id);
                }
                if t.goal {
                    b.goal(id);
                }
                ids.push((di, id));
            }
        }
        let id_of = |draft_index: usize| {
            ids.iter()
                .find(|(d, _)| *d == draft_index)
                .map(|(_, id)| *id)
        };
        for &(from, to) in &draft.transitions {
            if let (Some(a), Some(b2)) = (id_of(from), id_of(to)) {
                b.link(a, b2);
            }
        }
        b
    }

    pub(crate) fn persona(&mut self, name: &str, description: &str, goals: &[&str]) {
        let id = PersonaId(self.journey.personas.len() as i64 + 1);
        self.journey.personas.push(Persona {
            id,
            name: name.into(),
            description: description.into(),
            goals: goals.iter().map(|g| (*g).into()).collect(),
        });
    }

    pub(crate) fn stage(&mut self, name: &str) {
        let id = StageId(self.journey.stages.len() as i64 + 1);
        self.journey.stages.push(Stage {
            id,
            name: name.into(),
        });
        self.rows.push([0, 0]);
    }

    /// A touchpoint in the latest stage.
    pub(crate) fn tp(&mut self, name: &str, channel: Channel) -> TouchpointId {
        self.tp_kind(name, channel, channel.usual_kind())
    }

    pub(crate) fn tp_kind(&mut self, name: &str, channel: Channel, kind: Kind) -> TouchpointId {
        let stage = self.journey.stages.len();
        let band = usize::from(kind == Kind::Digital);
        let row = self.rows.last().map_or(0, |r| r[band]);
        if let Some(r) = self.rows.last_mut() {
            r[band] += 1;
        }
        let id = TouchpointId(self.journey.touchpoints.len() as i64 + 1);
        self.journey.touchpoints.push(Touchpoint {
            id,
            stage: StageId(stage as i64),
            name: name.into(),
            channel,
            kind,
            x: crate::layout::slot(row).0,
            y: crate::layout::slot(row).1,
            ..Touchpoint::default()
        });
        id
    }

    fn get(&mut self, id: TouchpointId) -> &mut Touchpoint {
        let i = (id.0 - 1) as usize;
        &mut self.journey.touchpoints[i]
    }

    pub(crate) fn entry(&mut self, id: TouchpointId) {
        self.get(id).entry = true;
    }

    pub(crate) fn goal(&mut self, id: TouchpointId) {
        self.get(id).goal = true;
    }

    /// The journey-map content of a touchpoint: emotion, pain points and one opportunity.
    pub(crate) fn feel(
        &mut self,
        id: TouchpointId,
        emotion: i8,
        pains: &[&str],
        opportunity: Option<(&str, &str)>,
    ) {
        let t = self.get(id);
        t.emotion = Some(emotion);
        t.pain_points = pains.iter().map(|p| (*p).into()).collect();
        if let Some((text, owner)) = opportunity {
            t.opportunities.push(Opportunity {
                text: text.into(),
                owner: owner.into(),
                status: OpportunityStatus::Idea,
            });
        }
    }

    pub(crate) fn kpi(&mut self, id: TouchpointId, name: &str, value: f64, target: f64) {
        self.get(id).kpis.push(Kpi {
            name: name.into(),
            value: Some(value),
            target: Some(target),
        });
    }

    pub(crate) fn owner(&mut self, id: TouchpointId, owner: &str) {
        self.get(id).owner = owner.into();
    }

    pub(crate) fn link(&mut self, from: TouchpointId, to: TouchpointId) {
        let id = TransitionId(self.journey.transitions.len() as i64 + 1);
        self.journey.transitions.push(Transition { id, from, to });
    }

    pub(crate) fn links(&mut self, pairs: &[(TouchpointId, TouchpointId)]) {
        for &(a, b) in pairs {
            self.link(a, b);
        }
    }
}
