//! Small journeys and logs written by hand for the analytics tests.
#![allow(dead_code)]

use percorso::journey::{
    Channel, Journey, JourneyId, Kind, Stage, StageId, Touchpoint, TouchpointId, Transition,
    TransitionId,
};
use percorso::log::{EventLog, NewEvent};

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 86_400_000;

/// Three stages, one touchpoint each: Ad (Aware) → Shop (Buy, alias "store") → Reward (Love,
/// goal). Designed transitions: Ad → Shop, Shop → Reward.
pub fn journey() -> Journey {
    let stage = |id, name: &str| Stage {
        id: StageId(id),
        name: name.into(),
    };
    let tp = |id, stage, name: &str, goal, aliases: &[&str]| Touchpoint {
        id: TouchpointId(id),
        stage: StageId(stage),
        name: name.into(),
        channel: Channel::Web,
        kind: Kind::Digital,
        x: 0.0,
        y: 0.0,
        entry: id == 1,
        goal,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Touchpoint::default()
    };
    let tr = |id, from, to| Transition {
        id: TransitionId(id),
        from: TouchpointId(from),
        to: TouchpointId(to),
    };
    Journey {
        id: JourneyId(1),
        name: "Tiny".into(),
        description: String::new(),
        personas: Vec::new(),
        stages: vec![stage(10, "Aware"), stage(20, "Buy"), stage(30, "Love")],
        touchpoints: vec![
            tp(1, 10, "Ad", false, &[]),
            tp(2, 20, "Shop", false, &["store"]),
            tp(3, 30, "Reward", true, &[]),
        ],
        transitions: vec![tr(1, 1, 2), tr(2, 2, 3)],
        views: Vec::new(),
        notes: Vec::new(),
        stories: Vec::new(),
    }
}

pub fn exposure() -> Vec<String> {
    vec!["impression".to_owned()]
}

/// One event: customer, log value, instant, event type, channel, value.
pub fn push(
    log: &mut EventLog,
    customer: &str,
    touchpoint: &str,
    instant_ms: i64,
    event_type: &str,
    channel: &str,
    value: Option<f64>,
) {
    log.push(NewEvent {
        customer,
        instant_ms,
        touchpoint,
        channel: Some(channel),
        event_type: Some(event_type),
        value,
    });
}

/// Monday 2 March 2026, 00:00 UTC.
pub const MONDAY: i64 = 1_772_409_600_000;

/// Three customers over six weeks from [`MONDAY`], on [`journey`]: c1 goes Ad, Ad, Shop (d8),
/// Reward (d9, the goal); c2 Ad (d2), store (d3, Shop's alias); c3 appears once, at Shop on d40.
pub fn hand_log() -> EventLog {
    let mut log = EventLog::default();
    let at = |d: i64| MONDAY + d * DAY;
    push(&mut log, "c1", "Ad", at(0), "impression", "social", None);
    push(&mut log, "c1", "Ad", at(1), "click", "social", None);
    push(&mut log, "c2", "Ad", at(2), "click", "social", None);
    push(&mut log, "c2", "store", at(3), "view", "store", Some(4.0));
    push(&mut log, "c1", "Shop", at(8), "view", "store", Some(10.0));
    push(&mut log, "c1", "Reward", at(9), "redeem", "app", None);
    push(&mut log, "c3", "Shop", at(40), "view", "store", None);
    log
}
