//! A deterministic generator of realistic interaction logs on the demo journey.
//!
//! Each customer's path is drawn from their own random stream, seeded from the run's seed and the
//! customer's number, so customer 42 walks the same path whether 5,000 or 5,000,000 customers are
//! generated, and the same seed always gives the same log. Paths follow the designed transitions
//! most of the time, with the untidy parts real logs have: repeat visits, back-steps, jumps the map
//! does not foresee, exposures nobody acted on, early drop-off, waits from minutes to weeks, and a
//! few log values the map does not know.

use chrono::{DateTime, TimeZone, Utc};
use rand::{Rng, RngExt, SeedableRng};
use rand_distr::{Distribution, LogNormal};
use rand_pcg::Pcg64Mcg;

use super::retail::{self, Spot, SPOTS};
use crate::journey::{Channel, Kind};
use crate::log::{EventLog, NewEvent};

const MINUTE_MS: f64 = 60_000.0;
const HOUR_MS: f64 = 60.0 * MINUTE_MS;
const DAY_MS: f64 = 24.0 * HOUR_MS;
/// A path longer than this is cut: no real customer has hundreds of steps in one journey.
const MAX_STEPS: usize = 80;

#[derive(Debug, Clone, PartialEq)]
pub struct DemoConfig {
    pub customers: u64,
    pub seed: u64,
    /// No event happens after this instant.
    pub end: DateTime<Utc>,
    /// Customers start their journey during this many days before `end`.
    pub span_days: u32,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            customers: 8_000,
            seed: 2026,
            end: Utc
                .with_ymd_and_hms(2026, 10, 31, 20, 0, 0)
                .single()
                .unwrap_or(DateTime::UNIX_EPOCH),
            span_days: 240,
        }
    }
}

pub const REGIONS: [(&str, f64); 4] = [
    ("North", 0.40),
    ("Centre", 0.22),
    ("South", 0.26),
    ("Islands", 0.12),
];
pub const DEVICES: [(&str, f64); 3] = [("android", 0.42), ("ios", 0.38), ("desktop", 0.20)];

/// One generated event, with text that borrows from the demo's static tables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DemoEvent {
    pub touchpoint: &'static str,
    pub channel: &'static str,
    pub instant_ms: i64,
    pub event_type: &'static str,
    pub value: Option<f64>,
}

/// One customer's generated history.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CustomerTrail {
    pub id: String,
    pub region: &'static str,
    pub device: &'static str,
    pub events: Vec<DemoEvent>,
}

/// Where a customer is: a touchpoint of the map, or one of the log values the map lacks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    Spot(usize),
    PromoSms,
    Marketplace,
}

pub struct Generator {
    config: DemoConfig,
    end_ms: i64,
}

impl Generator {
    pub fn new(config: DemoConfig) -> Self {
        let end_ms = config.end.timestamp_millis();
        Generator { config, end_ms }
    }

    pub fn config(&self) -> &DemoConfig {
        &self.config
    }

    /// Generates the whole log in memory.
    pub fn log(&self) -> EventLog {
        let mut log = EventLog::default();
        let mut trail = CustomerTrail::default();
        for index in 0..self.config.customers {
            self.customer(index, &mut trail);
            for e in &trail.events {
                log.push(NewEvent {
                    customer: &trail.id,
                    instant_ms: e.instant_ms,
                    touchpoint: e.touchpoint,
                    channel: Some(e.channel),
                    event_type: Some(e.event_type),
                    value: e.value,
                });
            }
            if !trail.events.is_empty() {
                log.set_attribute(&trail.id, "region", trail.region);
                log.set_attribute(&trail.id, "device", trail.device);
            }
        }
        log
    }

    /// Fills `trail` with customer number `index`'s history (reusing its buffers).
    pub fn customer(&self, index: u64, trail: &mut CustomerTrail) {
        let mut rng = Pcg64Mcg::seed_from_u64(mix(self.config.seed, index));
        trail.id.clear();
        trail.id.push_str(&format!("C{:07}", index + 1));
        trail.region = pick(&mut rng, &REGIONS);
        trail.device = pick(&mut rng, &DEVICES);
        trail.events.clear();

        let span_ms = f64::from(self.config.span_days) * DAY_MS;
        let mut t = self.end_ms - (span_ms * rng.random::<f64>()) as i64;
        let mut place = self.first_place(&mut rng, trail.region);
        let mut previous: Option<usize> = None;
        for _ in 0..MAX_STEPS {
            if t > self.end_ms {
                return;
            }
            let Some(current) = self.visit(&mut rng, place, &mut t, trail) else {
                return;
            };
            if t > self.end_ms {
                return;
            }
            let spot = &SPOTS[current];
            if rng.random::<f64>() < self.exit_chance(spot, trail.device) {
                return;
            }
            let next = self.next_place(&mut rng, current, previous, trail.device);
            t += self.wait_ms(&mut rng, current, next);
            previous = Some(current);
            place = next;
        }
    }

    fn first_place(&self, rng: &mut Pcg64Mcg, region: &str) -> Place {
        let shop_window = if region == "South" || region == "Islands" {
            0.24
        } else {
            0.12
        };
        let choices = [
            (Place::Spot(retail::INSTAGRAM_AD), 0.30),
            (Place::Spot(retail::SEARCH), 0.30),
            (Place::Spot(retail::NEWSLETTER), 0.20),
            (Place::Spot(retail::SHOP_WINDOW), shop_window),
            (Place::PromoSms, 0.04),
        ];
        pick(rng, &choices)
    }

    /// Records the events of one visit and returns the map touchpoint the customer is now at, or
    /// `None` when the visit ends the journey (an exposure nobody acted on).
    fn visit(
        &self,
        rng: &mut Pcg64Mcg,
        place: Place,
        t: &mut i64,
        trail: &mut CustomerTrail,
    ) -> Option<usize> {
        let spot_index = match place {
            Place::Spot(i) => i,
            Place::PromoSms => {
                trail
                    .events
                    .push(unmapped(retail::PROMO_SMS, "sms", *t, "delivered"));
                if rng.random::<f64>() < 0.55 {
                    return None;
                }
                *t += lognormal_ms(rng, 40.0 * MINUTE_MS, 1.0);
                return Some(retail::PRODUCT_PAGE);
            }
            Place::Marketplace => {
                let amount = amount(rng);
                let mut e = unmapped(retail::MARKETPLACE, "web", *t, "purchase");
                e.value = Some(amount);
                trail.events.push(e);
                *t += lognormal_ms(rng, 10.0 * MINUTE_MS, 0.5);
                return Some(13);
            }
        };
        let spot = &SPOTS[spot_index];
        let mut event = DemoEvent {
            touchpoint: spot.name,
            channel: spot.channel.as_str(),
            instant_ms: *t,
            event_type: spot.event,
            value: None,
        };
        if matches!(
            spot_index,
            retail::WEB_CHECKOUT | retail::APP_CHECKOUT | retail::STORE_TILL | retail::KIOSK_ORDER
        ) || spot.name == "Repeat purchase"
        {
            event.value = Some(amount(rng));
        }
        trail.events.push(event);
        if let Some(interaction) = pushed_interaction(spot) {
            if rng.random::<f64>() >= interaction.chance {
                return None;
            }
            *t += lognormal_ms(rng, interaction.median_ms, 1.1);
            if *t > self.end_ms {
                return None;
            }
            let value = (spot_index == retail::NPS_SURVEY).then(|| nps_score(rng));
            trail.events.push(DemoEvent {
                event_type: interaction.event,
                instant_ms: *t,
                value,
                ..event
            });
        }
        Some(spot_index)
    }

    fn exit_chance(&self, spot: &Spot, device: &str) -> f64 {
        let mut p = spot.exit;
        if device == "desktop" && spot.channel == Channel::App {
            p *= 1.6;
        }
        if device == "ios" && spot.channel == Channel::App {
            p *= 0.8;
        }
        p.min(0.95)
    }

    fn next_place(
        &self,
        rng: &mut Pcg64Mcg,
        current: usize,
        previous: Option<usize>,
        device: &str,
    ) -> Place {
        let spot = &SPOTS[current];
        let r = rng.random::<f64>();
        let repeat = match spot.channel {
            Channel::Web | Channel::App => 0.18,
            Channel::CallCentre => 0.16,
            Channel::Chatbot => 0.12,
            _ => 0.04,
        };
        if r < repeat && !spot.goal {
            return Place::Spot(current);
        }
        if let Some(back) = previous.filter(|&p| p != current) {
            if r < repeat + 0.05 {
                return Place::Spot(back);
            }
        }
        if r < repeat + 0.07 {
            // A jump the designed map does not contain: anywhere in this stage or the next.
            let candidates: Vec<usize> = (0..SPOTS.len())
                .filter(|&i| SPOTS[i].stage == spot.stage || SPOTS[i].stage == spot.stage + 1)
                .filter(|&i| i != current && !spot.next.iter().any(|&(n, _)| n == i))
                .collect();
            if !candidates.is_empty() {
                return Place::Spot(candidates[rng.random_range(0..candidates.len())]);
            }
        }
        if current == retail::PRODUCT_PAGE && rng.random::<f64>() < 0.05 {
            return Place::Marketplace;
        }
        let weighted: Vec<(Place, f64)> = spot
            .next
            .iter()
            .map(|&(i, w)| {
                let app = SPOTS[i].channel == Channel::App;
                let w = match (device, app) {
                    ("desktop", true) => w * 0.2,
                    ("android" | "ios", true) => w * 1.5,
                    _ => w,
                };
                (Place::Spot(i), w)
            })
            .collect();
        pick(rng, &weighted)
    }

    fn wait_ms(&self, rng: &mut Pcg64Mcg, from: usize, to: Place) -> i64 {
        let to_stage = match to {
            Place::Spot(i) => SPOTS[i].stage,
            Place::PromoSms => 0,
            Place::Marketplace => 2,
        };
        let from = &SPOTS[from];
        let (median, sigma) = match (from.stage, to_stage) {
            (a, b) if b <= a => {
                if from.channel.usual_kind() == Kind::Physical {
                    (3.0 * HOUR_MS, 1.4)
                } else {
                    (25.0 * MINUTE_MS, 1.5)
                }
            }
            (2, 3) => (1.5 * DAY_MS, 0.6),
            (3, 4) => (6.0 * DAY_MS, 0.9),
            (4, 5) | (3, 5) => (10.0 * DAY_MS, 0.9),
            _ => (1.8 * DAY_MS, 1.1),
        };
        lognormal_ms(rng, median, sigma)
    }
}

struct Interaction {
    chance: f64,
    event: &'static str,
    median_ms: f64,
}

/// Pushed touchpoints (ads, emails) first record an exposure; only some customers then act on it.
fn pushed_interaction(spot: &Spot) -> Option<Interaction> {
    let (chance, event, median_ms) = match spot.name {
        "Instagram ad" => (0.62, "click", 2.0 * MINUTE_MS),
        "Newsletter" => (0.58, "opened", 5.0 * HOUR_MS),
        "Setup guide email" => (0.70, "opened", 8.0 * HOUR_MS),
        "NPS survey" => (0.60, "answered", 20.0 * HOUR_MS),
        _ => return None,
    };
    Some(Interaction {
        chance,
        event,
        median_ms,
    })
}

fn unmapped(
    touchpoint: &'static str,
    channel: &'static str,
    t: i64,
    event: &'static str,
) -> DemoEvent {
    DemoEvent {
        touchpoint,
        channel,
        instant_ms: t,
        event_type: event,
        value: None,
    }
}

fn amount(rng: &mut Pcg64Mcg) -> f64 {
    let raw = LogNormal::new(90f64.ln(), 0.8).map_or(90.0, |d| d.sample(rng));
    (raw * 100.0).round() / 100.0
}

fn nps_score(rng: &mut Pcg64Mcg) -> f64 {
    const WEIGHTS: [(f64, f64); 11] = [
        (0.0, 0.02),
        (1.0, 0.01),
        (2.0, 0.02),
        (3.0, 0.03),
        (4.0, 0.04),
        (5.0, 0.07),
        (6.0, 0.09),
        (7.0, 0.16),
        (8.0, 0.22),
        (9.0, 0.19),
        (10.0, 0.15),
    ];
    pick(rng, &WEIGHTS)
}

fn lognormal_ms(rng: &mut Pcg64Mcg, median_ms: f64, sigma: f64) -> i64 {
    let ms = LogNormal::new(median_ms.ln(), sigma).map_or(median_ms, |d| d.sample(rng));
    // At least a second between two events of one customer, and never absurdly far apart.
    ms.clamp(1_000.0, 120.0 * DAY_MS) as i64
}

fn pick<T: Copy>(rng: &mut impl Rng, choices: &[(T, f64)]) -> T {
    let total: f64 = choices.iter().map(|(_, w)| w).sum();
    let mut r = rng.random::<f64>() * total;
    for &(choice, weight) in choices {
        if r < weight {
            return choice;
        }
        r -= weight;
    }
    choices[choices.len() - 1].0
}

/// SplitMix64 of the seed and the customer number: independent streams per customer.
fn mix(seed: u64, index: u64) -> u64 {
    let mut z = seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
