//! Starting journeys for "New journey": complete maps with stages, physical and digital
//! touchpoints, transitions, a persona and journey-map content to edit rather than an empty canvas.

use serde::Serialize;
use ts_rs::TS;

use crate::demo::{retail, Builder};
use crate::error::{Error, Result};
use crate::journey::{Channel, Journey, Kind};

/// A template as the "New journey" dialog lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TemplateInfo {
    /// Stable name passed back to create a journey from it.
    pub key: String,
    pub name: String,
    pub description: String,
    pub stages: u32,
    pub touchpoints: u32,
    pub transitions: u32,
}

pub struct Template {
    pub key: &'static str,
    build: fn() -> Journey,
}

impl Template {
    pub fn journey(&self) -> Journey {
        (self.build)()
    }

    pub fn info(&self) -> TemplateInfo {
        let j = self.journey();
        let s = j.summary();
        TemplateInfo {
            key: self.key.to_owned(),
            name: j.name,
            description: j.description,
            stages: s.stages,
            touchpoints: s.touchpoints,
            transitions: s.transitions,
        }
    }
}

static TEMPLATES: [Template; 3] = [
    Template {
        key: "retail_omnichannel",
        build: retail_omnichannel,
    },
    Template {
        key: "telecom",
        build: telecom,
    },
    Template {
        key: "bank_onboarding",
        build: bank_onboarding,
    },
];

pub fn all() -> &'static [Template] {
    &TEMPLATES
}

pub fn find(key: &str) -> Result<&'static Template> {
    TEMPLATES.iter().find(|t| t.key == key).ok_or_else(|| {
        let keys: Vec<&str> = TEMPLATES.iter().map(|t| t.key).collect();
        Error::InvalidInput(format!(
            "there is no template \"{key}\"; the templates are {}",
            keys.join(", ")
        ))
    })
}

/// A touchpoint's name, emotion, pain points and opportunity (text, owner).
type Feeling = (
    &'static str,
    i8,
    &'static [&'static str],
    Option<(&'static str, &'static str)>,
);

/// The demo's omnichannel electronics retailer, with journey-map content.
fn retail_omnichannel() -> Journey {
    let mut b = Builder::from_draft(&retail::journey());
    b.persona(
        "Sara, the researched buyer",
        "34, compares online, wants to touch the product before paying a lot",
        &[
            "the right product at a fair price",
            "no hassle with delivery",
        ],
    );
    let named = |b: &Builder, name: &str| {
        b.journey
            .touchpoints
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.id)
    };
    let content: [Feeling; 6] = [
        (
            "Product page",
            1,
            &["specs hard to compare"],
            Some(("comparison table", "E-commerce")),
        ),
        ("Store visit", 2, &[], None),
        (
            "Web checkout",
            -1,
            &["delivery cost shown late"],
            Some(("show delivery cost on the product page", "E-commerce")),
        ),
        (
            "Store till",
            -1,
            &["queues on Saturdays"],
            Some(("mobile tills", "Store operations")),
        ),
        (
            "Support call",
            -2,
            &["long wait", "repeats the problem twice"],
            Some(("call-back instead of waiting", "Customer care")),
        ),
        ("Loyalty reward", 2, &[], None),
    ];
    for (name, emotion, pains, opportunity) in content {
        if let Some(id) = named(&b, name) {
            b.feel(id, emotion, pains, opportunity);
        }
    }
    if let Some(id) = named(&b, "NPS survey") {
        b.kpi(id, "NPS", 31.0, 40.0);
        b.owner(id, "CX team");
    }
    b.journey
}

/// A telecom operator: plans chosen online, on the phone or in store; activation, bills, help
/// and renewal.
fn telecom() -> Journey {
    use Channel::*;
    let mut b = Builder::new(
        "Telecom: from offer to renewal",
        "A mobile and broadband customer: choosing a plan online, on the phone or in store, \
         activation, the first bill, getting help and renewing.",
    );
    b.persona(
        "Luca, the switching family",
        "42, two children, unhappy with his current operator's coverage",
        &["one contract for the family", "a bill without surprises"],
    );
    b.stage("Discover");
    let ad = b.tp("TV and online ad", Social);
    let compare = b.tp("Price comparison site", Web);
    let window = b.tp("Store window offer", Store);
    b.stage("Choose a plan");
    let configurator = b.tp("Plan configurator", Web);
    let sales_call = b.tp("Sales call", CallCentre);
    let advice = b.tp("Advice in store", Store);
    let bot = b.tp("Sales chatbot", Chatbot);
    b.stage("Sign up");
    let online = b.tp("Online sign-up", Web);
    let contract = b.tp("Contract signed in store", Store);
    let check = b.tp("Credit check SMS", Sms);
    b.stage("Activate");
    let sim = b.tp("SIM collected in store", Store);
    let porting = b.tp("Number porting call", CallCentre);
    let install = b.tp_kind("Broadband technician visit", Other, Kind::Physical);
    let welcome = b.tp("Welcome email", Email);
    b.stage("Use and pay");
    let app = b.tp("My account app", App);
    let bill = b.tp("First bill email", Email);
    b.stage("Get help");
    let help = b.tp("Help centre", Web);
    let care = b.tp("Customer care call", CallCentre);
    let repair = b.tp("Repair desk in store", Store);
    b.stage("Renew or leave");
    let offer = b.tp("Renewal offer SMS", Sms);
    let retention = b.tp("Retention call", CallCentre);
    let renewed = b.tp("Contract renewed", App);
    for e in [ad, compare, window] {
        b.entry(e);
    }
    b.goal(renewed);
    b.links(&[
        (ad, configurator),
        (ad, bot),
        (compare, configurator),
        (window, advice),
        (configurator, online),
        (configurator, sales_call),
        (bot, configurator),
        (bot, sales_call),
        (sales_call, online),
        (sales_call, contract),
        (advice, contract),
        (online, check),
        (contract, sim),
        (check, sim),
        (check, welcome),
        (sim, porting),
        (welcome, install),
        (welcome, app),
        (porting, app),
        (install, app),
        (app, bill),
        (bill, help),
        (bill, care),
        (help, care),
        (care, repair),
        (app, offer),
        (repair, offer),
        (offer, renewed),
        (offer, retention),
        (retention, renewed),
    ]);
    b.feel(
        configurator,
        1,
        &["too many add-ons"],
        Some(("three clear bundles", "Digital sales")),
    );
    b.feel(
        porting,
        -1,
        &["a day without signal"],
        Some(("porting at night", "Network operations")),
    );
    b.feel(
        bill,
        -2,
        &["first bill higher than expected"],
        Some(("explain pro-rata charges in the app", "Billing")),
    );
    b.feel(
        care,
        -1,
        &["long wait", "transferred twice"],
        Some(("route by contract type", "Customer care")),
    );
    b.feel(renewed, 1, &[], None);
    b.kpi(care, "First-contact resolution %", 68.0, 80.0);
    b.kpi(bill, "Bill-related calls per 100 customers", 14.0, 8.0);
    b.owner(care, "Customer care");
    b.journey
}

/// Opening a current account: applying online, in the app or in a branch, proving identity,
/// receiving and activating the card, first use.
fn bank_onboarding() -> Journey {
    use Channel::*;
    let mut b = Builder::new(
        "Banking: account onboarding",
        "Opening a current account: applying online, in the app or at a branch, identity \
         checks, the card arriving, and the first payments.",
    );
    b.persona(
        "Amira, the first job",
        "24, starting her first job, needs an account for her salary",
        &[
            "an account before the first payday",
            "everything from her phone",
        ],
    );
    b.stage("Discover");
    let compare = b.tp("Comparison site", Web);
    let social = b.tp("Social media ad", Social);
    let branch = b.tp("Branch visit", Store);
    b.stage("Apply");
    let web = b.tp("Online application", Web);
    let app = b.tp("Application in the app", App);
    let advisor = b.tp("Advisor meeting at the branch", Store);
    b.stage("Verify identity");
    let video = b.tp("Video identification", VideoCall);
    let upload = b.tp("Document upload", App);
    let id_check = b.tp("ID check at the branch", Store);
    b.stage("Activate");
    let welcome = b.tp("Welcome email", Email);
    let card = b.tp_kind("Card delivered by post", Other, Kind::Physical);
    let pin = b.tp("PIN by SMS", Sms);
    let activation = b.tp("Card activation in the app", App);
    b.stage("First use");
    let payment = b.tp("First card payment", App);
    let atm = b.tp("First ATM withdrawal", Kiosk);
    let bot = b.tp("Help chatbot", Chatbot);
    let call = b.tp("Help line", CallCentre);
    b.stage("Grow");
    let savings = b.tp("Savings offer email", Email);
    let review = b.tp("Advisor video review", VideoCall);
    for e in [compare, social, branch] {
        b.entry(e);
    }
    b.goal(payment);
    b.links(&[
        (compare, web),
        (compare, app),
        (social, app),
        (branch, advisor),
        (web, video),
        (web, upload),
        (app, upload),
        (app, video),
        (advisor, id_check),
        (video, welcome),
        (upload, welcome),
        (id_check, welcome),
        (welcome, card),
        (card, pin),
        (pin, activation),
        (activation, payment),
        (activation, atm),
        (activation, bot),
        (bot, call),
        (call, activation),
        (atm, payment),
        (payment, savings),
        (savings, review),
    ]);
    b.feel(
        upload,
        -1,
        &["photo of the ID rejected"],
        Some(("live hints while taking the photo", "Digital onboarding")),
    );
    b.feel(
        video,
        -2,
        &["waiting room of 20 minutes"],
        Some(("book a time slot", "Operations")),
    );
    b.feel(
        card,
        0,
        &["card arrives before the PIN, or after"],
        Some(("digital card usable at once", "Cards")),
    );
    b.feel(payment, 2, &[], None);
    b.kpi(upload, "Completion %", 71.0, 85.0);
    b.kpi(payment, "Days from application", 9.0, 3.0);
    b.owner(video, "Operations");
    b.journey
}
