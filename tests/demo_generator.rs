//! The demo must look like a real omnichannel journey and be reproducible, because tests and
//! benchmarks are built on it.

use std::collections::HashSet;

use percorso::demo::{self, retail, DemoConfig, Generator};
use percorso::journey::Channel;
use percorso::log::NONE;
use percorso::Workspace;

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
    assert_eq!(summary.journeys.len(), 1);
    assert_eq!(summary.sources.len(), 1);
    assert!(summary.events > 100);
}
