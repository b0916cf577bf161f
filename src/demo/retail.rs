//! The demo journey: an omnichannel electronics retailer, from the first ad to the repeat purchase,
//! and how its customers behave on it (used by the generator).

use crate::journey::Channel;
use crate::workspace::{JourneyDraft, TouchpointDraft};

pub const STAGES: [&str; 6] = [
    "Awareness",
    "Consideration",
    "Purchase",
    "Delivery",
    "Usage & support",
    "Loyalty",
];

/// A touchpoint of the demo map and how customers leave it.
pub struct Spot {
    pub stage: usize,
    pub name: &'static str,
    pub channel: Channel,
    pub entry: bool,
    pub goal: bool,
    /// Probability that a customer's journey ends after an event here.
    pub exit: f64,
    /// Designed next touchpoints, by index into [`SPOTS`], with their relative weights.
    pub next: &'static [(usize, f64)],
    /// Event type of a visit (the exposure for pushed channels).
    pub event: &'static str,
}

const fn spot(
    stage: usize,
    name: &'static str,
    channel: Channel,
    exit: f64,
    next: &'static [(usize, f64)],
    event: &'static str,
) -> Spot {
    Spot {
        stage,
        name,
        channel,
        entry: false,
        goal: false,
        exit,
        next,
        event,
    }
}

const fn entry(mut s: Spot) -> Spot {
    s.entry = true;
    s
}

const fn goal(mut s: Spot) -> Spot {
    s.goal = true;
    s
}

use Channel::*;

pub const INSTAGRAM_AD: usize = 0;
pub const SEARCH: usize = 1;
pub const NEWSLETTER: usize = 2;
pub const SHOP_WINDOW: usize = 3;
pub const PRODUCT_PAGE: usize = 4;
pub const WEB_CHECKOUT: usize = 9;
pub const APP_CHECKOUT: usize = 10;
pub const STORE_TILL: usize = 11;
pub const KIOSK_ORDER: usize = 12;
pub const NPS_SURVEY: usize = 22;

pub static SPOTS: [Spot; 26] = [
    // Awareness
    entry(spot(
        0,
        "Instagram ad",
        Social,
        0.12,
        &[(4, 3.0), (5, 2.0)],
        "impression",
    )),
    entry(spot(0, "Search result", Web, 0.07, &[(4, 1.0)], "click")),
    entry(spot(
        0,
        "Newsletter",
        Email,
        0.13,
        &[(4, 2.0), (5, 1.0)],
        "delivered",
    )),
    entry(spot(0, "Shop window", Store, 0.10, &[(7, 1.0)], "walk_by")),
    // Consideration
    spot(
        1,
        "Product page",
        Web,
        0.06,
        &[(6, 1.0), (9, 3.0), (8, 0.6), (5, 0.5)],
        "view",
    ),
    spot(
        1,
        "App catalogue",
        App,
        0.06,
        &[(10, 3.0), (6, 0.8)],
        "view",
    ),
    spot(
        1,
        "Chatbot Q&A",
        Chatbot,
        0.08,
        &[(4, 2.0), (9, 1.0), (8, 0.5)],
        "message",
    ),
    spot(
        1,
        "Store visit",
        Store,
        0.06,
        &[(11, 3.0), (12, 1.0), (8, 0.3)],
        "visit",
    ),
    spot(
        1,
        "Pre-sales call",
        CallCentre,
        0.12,
        &[(9, 1.0), (11, 1.0)],
        "call",
    ),
    // Purchase
    spot(2, "Web checkout", Web, 0.10, &[(13, 1.0)], "purchase"),
    spot(2, "App checkout", App, 0.06, &[(13, 1.0)], "purchase"),
    spot(
        2,
        "Store till",
        Store,
        0.01,
        &[(15, 1.0), (16, 1.5)],
        "purchase",
    ),
    spot(2, "Kiosk order", Kiosk, 0.04, &[(13, 1.0)], "purchase"),
    spot(
        2,
        "Order confirmation SMS",
        Sms,
        0.01,
        &[(14, 2.0), (15, 1.0)],
        "delivered",
    ),
    // Delivery
    spot(3, "Delivery tracking", App, 0.03, &[(16, 1.0)], "view"),
    spot(
        3,
        "Click & collect desk",
        Store,
        0.02,
        &[(16, 1.0)],
        "visit",
    ),
    spot(
        3,
        "Setup guide email",
        Email,
        0.08,
        &[(17, 2.0), (22, 2.0)],
        "delivered",
    ),
    // Usage & support
    spot(
        4,
        "Help centre",
        Web,
        0.10,
        &[(18, 1.0), (19, 0.8), (22, 1.0)],
        "view",
    ),
    spot(
        4,
        "Support chatbot",
        Chatbot,
        0.06,
        &[(19, 1.5), (22, 1.0)],
        "message",
    ),
    spot(
        4,
        "Support call",
        CallCentre,
        0.05,
        &[(20, 1.0), (21, 0.8), (22, 1.2)],
        "call",
    ),
    spot(4, "Returns desk", Store, 0.13, &[(22, 1.0)], "visit"),
    spot(
        4,
        "Video call with an expert",
        VideoCall,
        0.03,
        &[(22, 1.0)],
        "call",
    ),
    // Loyalty
    spot(
        5,
        "NPS survey",
        Email,
        0.12,
        &[(23, 1.0), (24, 2.0), (25, 1.5)],
        "delivered",
    ),
    spot(5, "Review on social", Social, 0.12, &[(24, 1.0)], "post"),
    goal(spot(5, "Loyalty reward", App, 0.17, &[(25, 1.0)], "redeem")),
    goal(spot(
        5,
        "Repeat purchase",
        Web,
        0.23,
        &[(4, 1.0)],
        "purchase",
    )),
];

/// Log values that the demo map does not know, so that the unmapped list has something to show.
pub const PROMO_SMS: &str = "Promo SMS blast";
pub const MARKETPLACE: &str = "Partner marketplace";

/// The demo journey as a draft, laid out in its lanes.
pub fn journey() -> JourneyDraft {
    let mut row_in_band = [[0usize; 2]; STAGES.len()];
    let touchpoints = SPOTS
        .iter()
        .map(|s| {
            let kind = s.channel.usual_kind();
            let band = usize::from(kind == crate::journey::Kind::Digital);
            let row = row_in_band[s.stage][band];
            row_in_band[s.stage][band] += 1;
            TouchpointDraft {
                stage: s.stage,
                name: s.name.to_owned(),
                channel: s.channel,
                kind,
                x: crate::layout::slot(row).0,
                y: crate::layout::slot(row).1,
                entry: s.entry,
                goal: s.goal,
            }
        })
        .collect();
    let transitions = SPOTS
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.next.iter().map(move |&(j, _)| (i, j)))
        .collect();
    JourneyDraft {
        name: "Omnichannel retail".to_owned(),
        description:
            "From the first ad to the repeat purchase: an electronics retailer with stores, \
                      web, app, call centre, kiosks and messaging."
                .to_owned(),
        stages: STAGES.iter().map(|s| (*s).to_owned()).collect(),
        touchpoints,
        transitions,
    }
}
