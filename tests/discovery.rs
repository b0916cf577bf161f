//! Discovery proposes a journey from a log alone. Measured on the demo generator's logs, whose
//! true stages are known: asked for the true number of stages, it puts most touchpoints in their
//! true stage and orders the stages as the map does.

#![cfg(test)]

use std::collections::HashMap;

use percorso::analytics::{unassigned_journey, Analysis, Discovery, Params};
use percorso::demo::{retail, DemoConfig};
use percorso::log::{EventLog, NewEvent};

/// Spearman's rank correlation of two equally long samples (ties get their mean rank).
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    fn ranks(x: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
        let mut r = vec![0.0; x.len()];
        let mut i = 0;
        while i < order.len() {
            let mut j = i;
            while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
                j += 1;
            }
            let mean = (i + j) as f64 / 2.0 + 1.0;
            for k in i..=j {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        r
    }
    let (ra, rb) = (ranks(a), ranks(b));
    let n = a.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

/// Discovery on the demo generator's log of `config`, asked for the true number of stages:
/// the share of the map's touchpoints put in their true stage and the rank correlation of true
/// and found stages.
fn quality(config: &DemoConfig) -> (f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let ws = percorso::demo::create(dir.path().join("demo.percorso"), true, config).unwrap();
    let log = ws.load_log().unwrap();
    let analysis = Analysis::new(&log, &unassigned_journey(&log), &[]);
    let evaluation = analysis.evaluate(&Params::default()).unwrap();
    let truth: HashMap<&str, usize> = retail::SPOTS.iter().map(|s| (s.name, s.stage)).collect();
    let k = retail::STAGES.len();
    let discovery = analysis
        .discover(&evaluation, Some(k), "Discovered")
        .unwrap();
    assert_eq!(discovery.journey.stages.len(), k);
    assert!(!discovery.chosen);
    // Every touchpoint is reached from an entry, no name is used twice.
    let warnings = percorso::validate(&discovery.journey);
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut right = 0;
    let (mut true_stage, mut found_stage) = (Vec::new(), Vec::new());
    for v in &discovery.values {
        let Some(&t) = truth.get(v.name.as_str()) else {
            continue;
        };
        right += usize::from(t == v.stage);
        true_stage.push(t as f64);
        found_stage.push(v.stage as f64);
    }
    assert_eq!(
        true_stage.len(),
        truth.len(),
        "every touchpoint is discovered"
    );
    let share = right as f64 / true_stage.len() as f64;
    (share, spearman(&true_stage, &found_stage))
}

#[test]
fn asked_for_the_true_stage_count_discovery_finds_the_generators_stages() {
    for config in [
        DemoConfig::default(),
        DemoConfig {
            customers: 20_000,
            seed: 7,
            ..DemoConfig::default()
        },
    ] {
        let (share, rho) = quality(&config);
        println!(
            "seed {}, {} customers: {:.0}% of touchpoints in their true stage, stage order rank \
             correlation {rho:.3}",
            config.seed,
            config.customers,
            share * 100.0
        );
        assert!(share >= 0.85, "seed {}: {share}", config.seed);
        assert!(rho >= 0.9, "seed {}: {rho}", config.seed);
    }
}

fn log_of(paths: &[(&str, &[&str])]) -> EventLog {
    let mut log = EventLog::default();
    for (customer, path) in paths {
        for (i, touchpoint) in path.iter().enumerate() {
            log.push(NewEvent {
                customer,
                instant_ms: 1_700_000_000_000 + i as i64 * 60_000,
                touchpoint,
                channel: Some(if touchpoint.starts_with("Store") {
                    "store"
                } else {
                    "web"
                }),
                event_type: None,
                value: None,
            });
        }
    }
    log
}

fn discover(log: &EventLog, params: &Params, stages: Option<usize>) -> percorso::Result<Discovery> {
    let analysis = Analysis::new(log, &unassigned_journey(log), &[]);
    let evaluation = analysis.evaluate(params)?;
    analysis.discover(&evaluation, stages, "Discovered")
}

#[test]
fn loops_and_back_and_forth_do_not_move_a_value() {
    // Everyone goes Ad → Page → Checkout → Delivery, many going back and forth between Page and
    // FAQ, and looping on Page, before they buy.
    let loopy: &[&str] = &[
        "Ad", "Page", "FAQ", "Page", "FAQ", "Page", "Page", "Checkout", "Delivery",
    ];
    let straight: &[&str] = &["Ad", "Page", "Checkout", "Delivery"];
    let with_faq: &[&str] = &["Ad", "Page", "FAQ", "Checkout", "Delivery"];
    let mut paths = Vec::new();
    let names: Vec<String> = (0..60).map(|i| format!("c{i}")).collect();
    for (i, name) in names.iter().enumerate() {
        paths.push((name.as_str(), [loopy, straight, with_faq][i % 3]));
    }
    let d = discover(&log_of(&paths), &Params::default(), Some(4)).unwrap();
    let stage = |name: &str| d.values.iter().find(|v| v.name == name).unwrap().stage;
    assert_eq!(stage("Ad"), 0);
    assert_eq!(stage("Page"), stage("FAQ"), "{:?}", d.values);
    assert!(stage("Checkout") > stage("Page"));
    assert!(stage("Delivery") >= stage("Checkout"));
    // The journey is ordinary: stages named after values, touchpoints in every stage, an entry.
    let journey = &d.journey;
    assert_eq!(journey.stages.len(), 4);
    for s in &journey.stages {
        assert!(
            journey.touchpoints.iter().any(|t| t.stage == s.id),
            "{journey:?}"
        );
        assert!(d.values.iter().any(|v| v.name == s.name), "{}", s.name);
    }
    let ad = journey.touchpoints.iter().find(|t| t.name == "Ad").unwrap();
    assert!(ad.entry);
    let delivery = journey
        .touchpoints
        .iter()
        .find(|t| t.name == "Delivery")
        .unwrap();
    assert!(delivery.goal, "long paths end at Delivery");
    assert!(!journey.transitions.is_empty());
    // The same log gives the same journey.
    assert_eq!(
        d,
        discover(&log_of(&paths), &Params::default(), Some(4)).unwrap()
    );
    // The journey file is what `percorso journey export` writes.
    let file = percorso::document::JourneyFile::of(journey).unwrap();
    assert_eq!(file.stages.len(), 4);
    assert_eq!(file.touchpoints.len(), 5);
}

#[test]
fn a_log_of_one_value_gives_one_stage() {
    let one: &[&str] = &["Visit", "Visit"];
    let d = discover(&log_of(&[("a", one), ("b", one)]), &Params::default(), None).unwrap();
    assert_eq!(d.journey.stages.len(), 1);
    assert_eq!(d.journey.stages[0].name, "Visit");
    assert_eq!(d.journey.touchpoints.len(), 1);
    assert!(d.journey.touchpoints[0].entry);
    // Asked for more stages than values: one stage per value.
    let d = discover(&log_of(&[("a", one)]), &Params::default(), Some(4)).unwrap();
    assert_eq!(d.journey.stages.len(), 1);
}

#[test]
fn filters_that_keep_no_event_give_a_clear_message_and_no_journey() {
    let path: &[&str] = &["Ad", "Page"];
    let params = Params {
        from_ms: Some(1_900_000_000_000),
        ..Params::default()
    };
    let err = discover(&log_of(&[("a", path)]), &params, None).unwrap_err();
    assert_eq!(err.code(), percorso::ErrorCode::NothingToDiscover);
    assert!(err.to_string().contains("filters keep no event"), "{err}");
}

#[test]
fn a_value_the_map_lacks_gets_the_stage_customers_meet_it_in() {
    // The demo map lacks the "Promo SMS blast" and "Partner marketplace" values of its log.
    let dir = tempfile::tempdir().unwrap();
    let ws = percorso::demo::create(
        dir.path().join("demo.percorso"),
        true,
        &DemoConfig::default(),
    )
    .unwrap();
    let analysis = Analysis::from_workspace(&ws, None).unwrap();
    let evaluation = analysis.evaluate(&Params::default()).unwrap();
    let suggestions = analysis.suggest_stages(&evaluation).unwrap();
    let report = evaluation.report();
    let unmapped: Vec<&str> = report.unmapped.iter().map(|u| u.value.as_str()).collect();
    assert_eq!(suggestions.len(), unmapped.len());
    for s in &suggestions {
        assert!(unmapped.contains(&s.value.as_str()));
        assert!(analysis
            .journey()
            .stages
            .iter()
            .any(|st| st.id == s.stage_id && st.name == s.stage));
        println!("{} ({} events) → {}", s.value, s.events, s.stage);
    }
    // The marketplace is where people buy; a promo SMS reaches them before they consider.
    let stage_of = |value: &str| {
        suggestions
            .iter()
            .find(|s| s.value == value)
            .map(|s| s.stage.as_str())
    };
    assert_eq!(stage_of(retail::MARKETPLACE), Some("Purchase"));
}

#[test]
fn unassigned_is_never_a_suggested_stage() {
    use percorso::journey::{Journey, Stage, StageId, Touchpoint, TouchpointId, UNASSIGNED_STAGE};

    // "Chat" comes between "Ad", still unplaced in "Unassigned", and "Buy": as near to one as to
    // the other. Only "Buy" is a place to suggest.
    let path: &[&str] = &["Ad", "Chat", "Buy"];
    let log = log_of(&[("a", path), ("b", path)]);
    let stage = |id: i64, name: &str| Stage {
        id: StageId(id),
        name: name.to_owned(),
    };
    let touchpoint = |id: i64, stage: i64, name: &str| Touchpoint {
        id: TouchpointId(id),
        stage: StageId(stage),
        name: name.to_owned(),
        ..Touchpoint::default()
    };
    let journey = Journey {
        name: "Map".to_owned(),
        stages: vec![stage(1, UNASSIGNED_STAGE), stage(2, "Purchase")],
        touchpoints: vec![touchpoint(1, 1, "Ad"), touchpoint(2, 2, "Buy")],
        ..Journey::default()
    };
    let analysis = Analysis::new(&log, &journey, &[]);
    let evaluation = analysis.evaluate(&Params::default()).unwrap();
    let suggestions = analysis.suggest_stages(&evaluation).unwrap();
    assert_eq!(suggestions.len(), 1, "{suggestions:?}");
    assert_eq!(suggestions[0].value, "Chat");
    assert_eq!(suggestions[0].stage, "Purchase");
}
