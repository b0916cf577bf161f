//! The demo must look like a real omnichannel journey and be reproducible, because tests and
//! benchmarks are built on it.

use std::collections::HashSet;

use percorso::analytics::{Analysis, Params};
use percorso::demo::{self, retail, DemoConfig, Generator};
use percorso::journey::{Channel, Journey, OpportunityStatus};
use percorso::log::NONE;
use percorso::{templates, Workspace};

#[path = "support/workspace.rs"]
mod support;
use support::small_demo;

#[test]
fn the_demo_journey_spans_the_omnichannel_estate() {
    let journey = retail::journey();
    assert!(journey.stages.len() >= 6);
    assert!(journey.touchpoints.len() >= 20);
    let channels: HashSet<Channel> = journey.touchpoints.iter().map(|t| t.channel).collect();
    for needed in [
        Channel::Store,
        Channel::CallCentre,
        Channel::Kiosk,
        Channel::Web,
        Channel::App,
        Channel::Email,
        Channel::Sms,
        Channel::Chatbot,
        Channel::Social,
    ] {
        assert!(channels.contains(&needed), "no {needed:?} touchpoint");
    }
    assert!(journey.touchpoints.iter().any(|t| t.entry));
    assert!(journey.touchpoints.iter().any(|t| t.goal));
}

#[test]
fn the_default_demo_log_is_large_enough_to_analyse() {
    let log = Generator::new(DemoConfig::default()).log();
    assert!(log.len() >= 50_000, "{} events", log.len());
    assert!(
        log.customers.len() >= 5_000,
        "{} customers",
        log.customers.len()
    );
    // Unmapped values are present on purpose, so the unmapped list has something to show.
    assert!(log.touchpoints.code_of(retail::PROMO_SMS).is_some());
    assert!(log.touchpoints.code_of(retail::MARKETPLACE).is_some());
    assert!(log.channel.iter().all(|&c| c != NONE));
    let end = DemoConfig::default().end.timestamp_millis();
    assert!(log.instant_ms.iter().all(|&t| t <= end));
}

#[test]
fn the_same_seed_gives_the_same_log_and_customers_do_not_depend_on_the_count() {
    let small = Generator::new(small_demo(50));
    let large = Generator::new(small_demo(5_000));
    assert!(small.log() == small.log());
    let (mut a, mut b) = Default::default();
    small.customer(42, &mut a);
    large.customer(42, &mut b);
    assert_eq!(a, b);
    let other_seed = Generator::new(DemoConfig {
        customers: 50,
        seed: 7,
        ..DemoConfig::default()
    });
    assert_ne!(small.log().instant_ms, other_seed.log().instant_ms);
}

#[test]
fn paths_have_waits_from_minutes_to_weeks_and_loops() {
    let generator = Generator::new(DemoConfig::default());
    let (mut gaps, mut self_loops, mut single_event) = (Vec::new(), 0, 0);
    let mut trail = Default::default();
    for i in 0..2_000 {
        generator.customer(i, &mut trail);
        if trail.events.len() == 1 {
            single_event += 1;
        }
        for pair in trail.events.windows(2) {
            gaps.push(pair[1].instant_ms - pair[0].instant_ms);
            if pair[0].touchpoint == pair[1].touchpoint {
                self_loops += 1;
            }
            assert!(pair[1].instant_ms > pair[0].instant_ms);
        }
    }
    let minute = 60_000;
    let week = 7 * 24 * 60 * minute;
    assert!(gaps.iter().any(|&g| g < 10 * minute));
    assert!(gaps.iter().any(|&g| g > 2 * week));
    assert!(self_loops > 100, "{self_loops} self-loops");
    assert!(single_event > 50, "{single_event} customers with one event");
}

#[test]
fn the_demo_command_writes_a_workspace_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.percorso");
    demo::create(&path, false, &small_demo(100)).unwrap();
    let summary = Workspace::open(&path).unwrap().summary().unwrap();
    // The retail journey and the smaller one from a template.
    assert_eq!(summary.journeys.len(), 2);
    assert_eq!(summary.sources.len(), 1);
    assert!(summary.events > 100);
}

/// The demo workspace with `customers` customers, reopened, and its first journey.
fn reopened_demo(
    customers: u64,
) -> Result<(tempfile::TempDir, Workspace, Journey), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("d.percorso");
    demo::create(&path, false, &small_demo(customers))?;
    let ws = Workspace::open(&path)?;
    let first = ws.journeys()?.first().map(|j| j.id).ok_or("no journey")?;
    let journey = ws.journey(first)?;
    Ok((dir, ws, journey))
}

#[test]
fn the_demo_opens_on_a_full_retail_journey_map_and_holds_a_second_journey() {
    let (_dir, ws, journey) = reopened_demo(100).unwrap();
    assert_eq!(journey.name, "Omnichannel retail");
    let names: Vec<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let spots: Vec<&str> = retail::SPOTS.iter().map(|s| s.name).collect();
    assert_eq!(names, spots);
    assert_eq!(
        journey.transitions.len(),
        retail::journey().transitions.len()
    );

    assert!(!journey.personas.is_empty());
    for p in &journey.personas {
        assert!(!p.description.is_empty(), "{}", p.name);
        assert!((2..=4).contains(&p.goals.len()), "{}", p.name);
    }
    let t = &journey.touchpoints;
    assert!(t
        .iter()
        .all(|t| !t.description.is_empty() && !t.owner.is_empty()));
    let with_emotion = t.iter().filter(|t| t.emotion.is_some()).count();
    assert!(
        with_emotion >= 20,
        "{with_emotion} touchpoints with an emotion"
    );
    assert!(t.iter().filter(|t| !t.pain_points.is_empty()).count() >= 6);
    let opportunities: Vec<_> = t.iter().flat_map(|t| &t.opportunities).collect();
    assert!(opportunities.len() >= 6);
    assert!(opportunities
        .iter()
        .all(|o| !o.text.is_empty() && !o.owner.is_empty()));
    for status in [
        OpportunityStatus::Idea,
        OpportunityStatus::Planned,
        OpportunityStatus::InProgress,
        OpportunityStatus::Done,
    ] {
        assert!(
            opportunities.iter().any(|o| o.status == status),
            "no {status:?} opportunity"
        );
    }
    let with_targets = t
        .iter()
        .filter(|t| !t.kpis.is_empty() && t.kpis.iter().all(|k| k.target.is_some()))
        .count();
    assert!(
        with_targets >= 4,
        "{with_targets} touchpoints with KPI targets"
    );
    let nps = t.iter().find(|t| t.name == "NPS survey").unwrap();
    assert!(nps
        .kpis
        .iter()
        .any(|k| k.name == "NPS" && k.value.is_some()));

    let journeys = ws.journeys().unwrap();
    assert_eq!(journeys.len(), 2);
    let second = templates::find(demo::SECOND_JOURNEY_TEMPLATE)
        .unwrap()
        .journey();
    assert_eq!(journeys[1].name, second.name);
    assert_eq!(journeys[1].touchpoints as usize, second.touchpoints.len());
    assert!(journeys[1].touchpoints < journeys[0].touchpoints);
}

#[test]
fn the_demo_emotions_tell_the_story_of_its_drop_off() {
    let (_dir, ws, journey) = reopened_demo(1_500).unwrap();
    let report = Analysis::from_workspace(&ws, Some(journey.id))
        .unwrap()
        .report(&Params::default())
        .unwrap();
    let mean_dropoff = |keep: fn(i8) -> bool| {
        let rates: Vec<f64> = journey
            .touchpoints
            .iter()
            .filter(|t| !t.goal && t.emotion.is_some_and(keep))
            .map(|t| {
                let node = report
                    .nodes
                    .iter()
                    .find(|n| n.touchpoint_id == t.id.0)
                    .unwrap_or_else(|| panic!("no report node for {}", t.name));
                assert_eq!(node.touchpoint, t.name);
                node.dropoff_rate
                    .unwrap_or_else(|| panic!("no drop-off rate at {}", t.name))
            })
            .collect();
        assert!(rates.len() >= 3, "{} touchpoints", rates.len());
        rates.iter().sum::<f64>() / rates.len() as f64
    };
    let negative = mean_dropoff(|e| e < 0);
    let positive = mean_dropoff(|e| e > 0);
    assert!(
        negative > positive,
        "mean drop-off {negative:.1} where customers feel bad, {positive:.1} where they feel good"
    );
    for t in journey.touchpoints.iter().filter(|t| t.emotion == Some(-2)) {
        assert!(!t.pain_points.is_empty(), "{} has no pain point", t.name);
    }
}
