//! The demo journey: an omnichannel electronics retailer, from the first ad to the repeat purchase,
//! and how its customers behave on it (used by the generator).
//!
//! [`journey`] is its structure (stages, touchpoints, transitions); [`journey_map`] adds what a
//! strategist knows beyond the log: personas, emotions, pain points, opportunities and KPIs. The
//! emotions follow the generator's data story: customers feel worst where they leave most.

use super::Builder;
use crate::analytics::{Params, Segment};
use crate::journey::view::ViewState;
use crate::journey::{
    Channel, Journey, Kpi, Opportunity, OpportunityStatus, SavedView, Story, StoryId, StorySlide,
    Touchpoint, ViewId,
};
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

/// The demo journey as a full journey map: [`journey`]'s stages, touchpoints and transitions with
/// its personas and every touchpoint's description, owner, emotion, pain points, opportunities and
/// KPIs.
pub fn journey_map() -> Journey {
    let mut b = Builder::from_draft(&journey());
    for p in &PERSONAS {
        b.persona(p.name, p.description, p.goals);
    }
    let mut map = b.journey;
    for t in &mut map.touchpoints {
        if let Some(notes) = NOTES.iter().find(|n| n.name == t.name) {
            notes.write(t);
        }
    }
    map
}

/// The demo's map with what a facilitator prepares for a review: three saved views and a story
/// that walks through them. The notes say only what the generated log shows at any size.
pub fn journey_map_with_story() -> Journey {
    let mut map = journey_map();
    let touchpoint = |name: &str| {
        map.touchpoints
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.id)
    };
    let setup_email = touchpoint("Setup guide email");
    let views = [
        ("Drop-off across the journey", "dropoff_rate", None, vec![]),
        ("Setup guide email", "dropoff_rate", setup_email, vec![]),
        (
            "Region North",
            "engagement_rate",
            None,
            vec![Segment {
                attribute: "region".into(),
                value: "North".into(),
            }],
        ),
    ];
    map.views = views
        .into_iter()
        .zip(1..)
        .map(|((name, metric, selected, segments), id)| SavedView {
            id: ViewId(id),
            name: name.into(),
            state: ViewState {
                params: Params {
                    segments,
                    ..Params::default()
                },
                metric: metric.into(),
                selected,
                ..ViewState::default()
            },
        })
        .collect();
    let slide = |view: i64, title: &str, note: &str| StorySlide {
        view: ViewId(view),
        title: title.into(),
        note: note.into(),
    };
    map.stories = vec![Story {
        id: StoryId(1),
        title: "Where customers stall".into(),
        slides: vec![
            slide(
                1,
                "The whole journey",
                "The redder the card, the more of its customers left the journey there. \
                 Awareness loses the most people; in Delivery, the setup guide email stands out.",
            ),
            slide(
                2,
                "After delivery",
                "About two in five customers who get the setup guide email go no further. \
                 What would make the next step obvious?",
            ),
            slide(
                3,
                "Region North",
                "Two in five customers are in the North. Coloured by engagement, their map \
                 follows the whole journey's: one experience to fix for every region.",
            ),
        ],
    }];
    map
}

struct PersonaNotes {
    name: &'static str,
    description: &'static str,
    goals: &'static [&'static str],
}

static PERSONAS: [PersonaNotes; 2] = [
    PersonaNotes {
        name: "Elena, the time-pressed online buyer",
        description: "38, project manager with two children. Buys electronics on her phone in \
                      spare minutes and expects delivery exactly as promised.",
        goals: &[
            "Find the right model in minutes, not evenings",
            "Know the full price, delivery included, before paying",
            "Get the order without taking time off work",
            "Sort out problems without calling",
        ],
    },
    PersonaNotes {
        name: "George, the store-first customer",
        description: "61, retired engineer. Reads up online but buys in store after talking to \
                      someone who knows the products; wary of setting devices up alone.",
        goals: &[
            "Advice from a person he can trust",
            "See and try the product before buying",
            "Help with setup and returns close to home",
        ],
    },
];

/// What the retailer's CX team knows about a touchpoint of [`SPOTS`], by name.
struct Notes {
    name: &'static str,
    description: &'static str,
    owner: &'static str,
    emotion: Option<i8>,
    pain_points: &'static [&'static str],
    /// Text, owner, status.
    opportunities: &'static [(&'static str, &'static str, OpportunityStatus)],
    /// Name, value, target.
    kpis: &'static [(&'static str, f64, f64)],
}

impl Notes {
    fn write(&self, t: &mut Touchpoint) {
        t.description = self.description.to_owned();
        t.owner = self.owner.to_owned();
        t.emotion = self.emotion;
        t.pain_points = self.pain_points.iter().map(|p| (*p).to_owned()).collect();
        t.opportunities = self
            .opportunities
            .iter()
            .map(|&(text, owner, status)| Opportunity {
                text: text.to_owned(),
                owner: owner.to_owned(),
                status,
            })
            .collect();
        t.kpis = self
            .kpis
            .iter()
            .map(|&(name, value, target)| Kpi {
                name: name.to_owned(),
                value: Some(value),
                target: Some(target),
            })
            .collect();
    }
}

const fn notes(
    name: &'static str,
    description: &'static str,
    owner: &'static str,
    emotion: Option<i8>,
) -> Notes {
    Notes {
        name,
        description,
        owner,
        emotion,
        pain_points: &[],
        opportunities: &[],
        kpis: &[],
    }
}

const fn pains(mut n: Notes, pain_points: &'static [&'static str]) -> Notes {
    n.pain_points = pain_points;
    n
}

const fn ideas(
    mut n: Notes,
    opportunities: &'static [(&'static str, &'static str, OpportunityStatus)],
) -> Notes {
    n.opportunities = opportunities;
    n
}

const fn kpis(mut n: Notes, kpis: &'static [(&'static str, f64, f64)]) -> Notes {
    n.kpis = kpis;
    n
}

use OpportunityStatus::{Done, Idea, InProgress, Planned};

/// In [`SPOTS`] order. Emotions: lowest where `exit` is high, highest where customers do well;
/// "Search result", "Shop window" and "Kiosk order" are not assessed yet.
static NOTES: [Notes; 26] = [
    // Awareness
    ideas(
        pains(
            notes(
                "Instagram ad",
                "Sponsored posts and stories show new products and offers to people who match \
                 our audiences.",
                "Digital marketing",
                Some(-1),
            ),
            &[
                "Ads keep showing products the customer has already bought.",
                "The price in the ad is not always the price on the website.",
            ],
        ),
        &[(
            "Leave customers who bought in the last 30 days out of retargeting",
            "Digital marketing",
            Planned,
        )],
    ),
    notes(
        "Search result",
        "Organic and paid search results lead people to our product pages.",
        "Search marketing",
        None,
    ),
    ideas(
        pains(
            notes(
                "Newsletter",
                "The weekly email with offers and new arrivals, sent to subscribed customers.",
                "CRM team",
                Some(-1),
            ),
            &[
                "Everyone gets the same offers, unrelated to what they bought.",
                "Three emails a week push subscribers to unsubscribe.",
            ],
        ),
        &[
            (
                "Pick offers by the categories each customer bought",
                "CRM team",
                InProgress,
            ),
            (
                "Let subscribers choose a weekly or a monthly digest",
                "CRM team",
                Idea,
            ),
        ],
    ),
    ideas(
        pains(
            notes(
                "Shop window",
                "Window displays show the season's campaign to people walking by a store.",
                "Visual merchandising",
                None,
            ),
            &["Windows show products without prices, so passers-by do not come in to ask."],
        ),
        &[(
            "A QR code in the window to the product page with price and stock",
            "Visual merchandising",
            Idea,
        )],
    ),
    // Consideration
    ideas(
        pains(
            notes(
                "Product page",
                "Specs, photos, reviews, price and stock of one product on the website.",
                "E-commerce",
                Some(1),
            ),
            &["Specs are hard to compare between two models."],
        ),
        &[(
            "Side-by-side comparison of up to three models",
            "E-commerce",
            Planned,
        )],
    ),
    notes(
        "App catalogue",
        "Browsing and searching products in the app, with saved lists and price alerts.",
        "Mobile app team",
        Some(1),
    ),
    ideas(
        pains(
            notes(
                "Chatbot Q&A",
                "The website chatbot answers questions on products, stock and delivery before \
                 a purchase.",
                "Digital care",
                Some(-1),
            ),
            &[
                "It cannot answer compatibility questions, such as which charger fits.",
                "There is no hand-off to a person when it is stuck.",
            ],
        ),
        &[(
            "Hand-off to live chat with the conversation so far",
            "Digital care",
            Planned,
        )],
    ),
    ideas(
        pains(
            notes(
                "Store visit",
                "Customers browse, try products and ask floor staff for advice in a store.",
                "Store operations",
                Some(1),
            ),
            &["Few advisors are free on Saturday afternoons."],
        ),
        &[(
            "Book a 20-minute advice slot online",
            "Store operations",
            Idea,
        )],
    ),
    ideas(
        pains(
            notes(
                "Pre-sales call",
                "Customers call before buying to ask about products, stock and delivery times.",
                "Contact centre",
                Some(-2),
            ),
            &[
                "Callers wait 9 minutes on average before an agent answers.",
                "Agents cannot see the stock of nearby stores.",
                "Agents cannot take the order, so callers start again online.",
            ],
        ),
        &[
            (
                "A call-back at a chosen time instead of the queue",
                "Contact centre",
                InProgress,
            ),
            (
                "Store stock in the agents' desktop",
                "Contact centre IT",
                Planned,
            ),
        ],
    ),
    // Purchase
    kpis(
        ideas(
            pains(
                notes(
                    "Web checkout",
                    "Basket, delivery choice and payment on the website.",
                    "E-commerce",
                    Some(-1),
                ),
                &[
                    "The delivery cost appears only at the last step.",
                    "An account must be created before paying.",
                ],
            ),
            &[
                (
                    "Guest checkout without an account",
                    "Payments team",
                    InProgress,
                ),
                (
                    "Show the delivery cost in the basket",
                    "E-commerce",
                    Planned,
                ),
            ],
        ),
        &[("Conversion rate %", 2.1, 3.0)],
    ),
    kpis(
        ideas(
            notes(
                "App checkout",
                "One-tap payment in the app with a saved card or a wallet.",
                "Mobile app team",
                Some(1),
            ),
            &[("Apple Pay and Google Pay in the app", "Payments team", Done)],
        ),
        &[("Conversion rate %", 4.6, 5.0)],
    ),
    notes(
        "Store till",
        "Payment at the till, where staff also offer delivery, setup and protection plans.",
        "Store operations",
        Some(2),
    ),
    notes(
        "Kiosk order",
        "In-store kiosks order from the central warehouse what the store has run out of.",
        "Store operations",
        None,
    ),
    notes(
        "Order confirmation SMS",
        "A text with the order number and the expected delivery or collection date.",
        "CRM team",
        Some(1),
    ),
    // Delivery
    ideas(
        pains(
            notes(
                "Delivery tracking",
                "The app shows where the parcel is and when the courier will arrive.",
                "Logistics",
                Some(0),
            ),
            &["The courier's delivery window is the whole day."],
        ),
        &[("Two-hour delivery windows on the day", "Logistics", Planned)],
    ),
    notes(
        "Click & collect desk",
        "Customers pick up web and app orders at a dedicated desk, usually within two hours.",
        "Store operations",
        Some(2),
    ),
    ideas(
        pains(
            notes(
                "Setup guide email",
                "An email with setup steps and videos for the product bought.",
                "Customer care",
                Some(-1),
            ),
            &[
                "The guide is generic, not for the model bought.",
                "It arrives before the product when the delivery is late.",
            ],
        ),
        &[(
            "A guide per model, with a link to book a video call with an expert",
            "Customer care",
            Idea,
        )],
    ),
    // Usage & support
    ideas(
        pains(
            notes(
                "Help centre",
                "Self-service articles on setup, faults, warranty and returns on the website.",
                "Digital care",
                Some(-1),
            ),
            &[
                "Articles do not match the customer's model number.",
                "Search returns products to buy instead of answers.",
            ],
        ),
        &[(
            "Show the help for the products in the customer's orders first",
            "Digital care",
            InProgress,
        )],
    ),
    kpis(
        ideas(
            pains(
                notes(
                    "Support chatbot",
                    "The chatbot in the app and on the website answers after-sales questions \
                     and can open a ticket.",
                    "Digital care",
                    Some(0),
                ),
                &["It sends people back to the help articles they have already read."],
            ),
            &[(
                "Book a call-back from the chat, with the order attached",
                "Digital care",
                Planned,
            )],
        ),
        &[("First-contact resolution %", 58.0, 70.0)],
    ),
    kpis(
        ideas(
            pains(
                notes(
                    "Support call",
                    "Agents help with faults, warranty claims and returns by phone.",
                    "Contact centre",
                    Some(0),
                ),
                &[
                    "Waits of over 15 minutes on Monday mornings.",
                    "Customers explain the problem again after each transfer.",
                ],
            ),
            &[(
                "Route calls by product category to a specialist team",
                "Contact centre",
                Idea,
            )],
        ),
        &[("CSAT (1–5)", 3.8, 4.3)],
    ),
    kpis(
        ideas(
            pains(
                notes(
                    "Returns desk",
                    "Customers bring faulty or unwanted products back to a store for a refund \
                     or an exchange.",
                    "Store operations",
                    Some(-2),
                ),
                &[
                    "A paper receipt is asked for even for app orders.",
                    "The refund takes up to 10 days to reach the card.",
                    "Returns share one queue with click & collect.",
                ],
            ),
            &[
                (
                    "Returns with the order's QR code from the app",
                    "Store operations",
                    Planned,
                ),
                ("Instant refund as store credit", "Finance", Idea),
            ],
        ),
        &[("CSAT (1–5)", 2.9, 4.0)],
    ),
    notes(
        "Video call with an expert",
        "A product expert helps by video to set up or troubleshoot a device.",
        "Customer care",
        Some(2),
    ),
    // Loyalty
    kpis(
        ideas(
            pains(
                notes(
                    "NPS survey",
                    "An email survey asks how likely the customer is to recommend us.",
                    "CX team",
                    Some(-1),
                ),
                &[
                    "It is sent the day after the purchase, often before the product arrives.",
                    "Detractors never hear back.",
                ],
            ),
            &[
                ("Shorten the survey from 14 to 5 questions", "CX team", Done),
                (
                    "Send it 7 days after delivery or collection",
                    "CX team",
                    Planned,
                ),
                (
                    "Call back every detractor within 48 hours",
                    "Customer care",
                    Idea,
                ),
            ],
        ),
        &[("NPS", 31.0, 45.0)],
    ),
    ideas(
        pains(
            notes(
                "Review on social",
                "Customers post reviews and complaints about us on social networks.",
                "Social media team",
                Some(0),
            ),
            &["Complaints get a public reply only after two days."],
        ),
        &[(
            "Reply to complaints within 2 hours, then continue in private messages",
            "Social media team",
            InProgress,
        )],
    ),
    notes(
        "Loyalty reward",
        "Points from purchases are redeemed in the app for discounts and longer warranties.",
        "Loyalty programme",
        Some(2),
    ),
    kpis(
        notes(
            "Repeat purchase",
            "A returning customer buys again online.",
            "E-commerce",
            Some(1),
        ),
        &[("Customers buying again within 12 months %", 27.0, 35.0)],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_touchpoint_has_its_notes_in_map_order() {
        let names: Vec<&str> = NOTES.iter().map(|n| n.name).collect();
        let spots: Vec<&str> = SPOTS.iter().map(|s| s.name).collect();
        assert_eq!(names, spots);
        for n in &NOTES {
            assert!(
                !n.description.is_empty() && !n.owner.is_empty(),
                "{}",
                n.name
            );
        }
    }

    #[test]
    fn the_journey_map_keeps_the_draft_structure() {
        let draft = journey();
        let map = journey_map();
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, draft.stages);
        assert_eq!(map.touchpoints.len(), draft.touchpoints.len());
        for (t, d) in map.touchpoints.iter().zip(&draft.touchpoints) {
            let stage = map.stage_position(t.stage);
            assert_eq!(
                (stage, &t.name, t.channel, t.kind, t.x, t.y, t.entry, t.goal),
                (
                    Some(d.stage),
                    &d.name,
                    d.channel,
                    d.kind,
                    d.x,
                    d.y,
                    d.entry,
                    d.goal
                )
            );
            assert!(
                !t.description.is_empty() && !t.owner.is_empty(),
                "{}",
                t.name
            );
        }
        let index = |id| map.touchpoints.iter().position(|t| t.id == id);
        let transitions: Vec<(Option<usize>, Option<usize>)> = map
            .transitions
            .iter()
            .map(|t| (index(t.from), index(t.to)))
            .collect();
        let expected: Vec<(Option<usize>, Option<usize>)> = draft
            .transitions
            .iter()
            .map(|&(a, b)| (Some(a), Some(b)))
            .collect();
        assert_eq!(transitions, expected);
        assert_eq!(map.personas.len(), 2);
    }
}
