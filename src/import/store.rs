//! From a read file to a stored source: refusing a repeated file, matching log values to the
//! journey's touchpoints (or making a journey of them when the workspace has none), and writing
//! it all in one transaction.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::read::Parsed;
use super::{ImportSettings, ImportSummary, UnmappedValue, EXPOSURE_WORDS};
use crate::error::{Error, Result};
use crate::journey::{Channel, JourneyId};
use crate::log::{EventLog, NONE};
use crate::matching::{match_key, TouchpointMatcher};
use crate::workspace::{JourneyDraft, RejectedDraft, SourceDraft, TouchpointDraft, Workspace};

use crate::journey::UNASSIGNED_STAGE as UNASSIGNED;

pub fn store(
    workspace: &mut Workspace,
    path: &Path,
    settings: &ImportSettings,
    parsed: Parsed,
    cancel: &AtomicBool,
) -> Result<ImportSummary> {
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    if !settings.force {
        if let Some(source_name) = workspace.source_with_content(&parsed.content_hash)? {
            return Err(Error::AlreadyImported {
                path: path.to_path_buf(),
                source_name,
            });
        }
    }
    let log = &parsed.log;
    let journey = match settings.journey {
        Some(id) => Some(id),
        None => workspace.journeys()?.first().map(|j| j.id),
    };
    let (new_journey, unmapped) = match journey {
        Some(id) => {
            let matcher = TouchpointMatcher::new(&workspace.journey(id)?);
            (
                None,
                unmapped_values(log, &parsed.touchpoint_events, &matcher),
            )
        }
        None => (
            Some(journey_of_values(&settings.source_name, log)),
            Vec::new(),
        ),
    };
    let exposure_types = settings.exposure_types.clone().unwrap_or_else(|| {
        let words: Vec<String> = EXPOSURE_WORDS.iter().map(|w| match_key(w)).collect();
        log.event_types
            .values()
            .iter()
            .filter(|t| words.contains(&match_key(t)))
            .cloned()
            .collect()
    });
    let roles: serde_json::Map<String, serde_json::Value> = settings
        .columns
        .iter()
        .zip(&settings.roles)
        .map(|(name, role)| (name.clone(), role.as_str().into()))
        .collect();
    let mapping = serde_json::json!({
        "encoding": settings.encoding.to_string(),
        "delimiter": settings.delimiter.to_string(),
        "quote": settings.quote.map(|q| q.to_string()),
        "has_header": settings.has_header,
        "columns": roles,
        "timestamp_format": settings.timestamp_format.as_ref().map(ToString::to_string),
        "timezone": settings.timezone,
        "exposure_types": exposure_types,
    });
    let rows_rejected = parsed.rejected.len() as u64;
    let draft = SourceDraft {
        name: settings.source_name.clone(),
        file_name: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        content_hash: parsed.content_hash.clone(),
        timezone: settings.timezone.clone(),
        mapping: mapping.to_string(),
        rows_read: parsed.rows_read,
        rows_rejected,
        duplicates: parsed.duplicates,
    };
    let mut rejected_by_reason = BTreeMap::new();
    let reasons: Vec<&str> = parsed.rejected.iter().map(|r| r.reason.as_str()).collect();
    for reason in &reasons {
        *rejected_by_reason.entry((*reason).to_owned()).or_insert(0) += 1;
    }
    let rejected: Vec<RejectedDraft<'_>> = parsed
        .rejected
        .iter()
        .zip(&reasons)
        .map(|(r, reason)| RejectedDraft {
            line: r.line,
            reason,
            message: &r.message,
            raw: &r.raw,
        })
        .collect();
    let (source_id, created) =
        workspace.store_import(&draft, log, &rejected, new_journey.as_ref(), cancel)?;
    let journey = created.or(journey).unwrap_or(JourneyId(0));
    let summary = ImportSummary {
        source: settings.source_name.clone(),
        rows_read: parsed.rows_read,
        events_imported: log.len() as u64,
        rows_rejected,
        duplicates: parsed.duplicates,
        rejected_by_reason,
        unmapped,
        source_id,
        journey,
        journey_created: created.is_some(),
        timezone: settings.timezone.clone(),
        customers: log.customers.len() as u64,
        format: settings.format,
    };
    drop(rejected);
    // Freeing millions of interned strings takes a noticeable moment the user need not wait for.
    std::thread::spawn(move || drop(parsed));
    Ok(summary)
}

/// Log values that no touchpoint of the journey matches, most events first.
fn unmapped_values(
    log: &EventLog,
    events: &[u64],
    matcher: &TouchpointMatcher,
) -> Vec<UnmappedValue> {
    let mut unmapped: Vec<UnmappedValue> = log
        .touchpoints
        .values()
        .iter()
        .enumerate()
        .filter(|(_, v)| matcher.find(v).is_none())
        .map(|(code, v)| UnmappedValue {
            value: v.clone(),
            events: events.get(code).copied().unwrap_or(0),
        })
        .collect();
    unmapped.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.value.cmp(&b.value)));
    unmapped
}

/// A journey for a workspace with no designed map: one stage "Unassigned" and one touchpoint
/// per distinct log value (spellings that match each other share one), with the channel that the
/// value's events mostly carry.
fn journey_of_values(name: &str, log: &EventLog) -> JourneyDraft {
    // Counted in one flat table: ten million events through a hash map would take a while.
    let channels = log.channels.len();
    let mut counts = vec![0u64; log.touchpoints.len() * channels];
    if channels > 0 && counts.len() <= 1 << 24 {
        for (&t, &c) in log.touchpoint.iter().zip(&log.channel) {
            if let Some(n) = counts.get_mut(t as usize * channels + c as usize) {
                if c != NONE {
                    *n += 1;
                }
            }
        }
    }
    let main_channel = |t: usize| -> Option<u32> {
        let row = counts.get(t * channels..(t + 1) * channels)?;
        let (c, &n) = row
            .iter()
            .enumerate()
            .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(c)))?;
        (n > 0).then(|| u32::try_from(c).ok()).flatten()
    };
    let mut keys = std::collections::HashSet::new();
    let mut touchpoints = Vec::new();
    for (code, value) in log.touchpoints.values().iter().enumerate() {
        let key = match_key(value);
        if !keys.insert(key) {
            continue;
        }
        let channel = main_channel(code)
            .and_then(|c| log.channels.get(c))
            .map_or(Channel::Other, channel_of);
        let i = touchpoints.len();
        touchpoints.push(TouchpointDraft {
            stage: 0,
            name: value.clone(),
            channel,
            kind: channel.usual_kind(),
            x: (i % 6) as f64 * 180.0,
            y: (i / 6) as f64 * 120.0,
            entry: false,
            goal: false,
        });
    }
    JourneyDraft {
        name: name.to_owned(),
        description: format!("Made from the touchpoint values of source \"{name}\"."),
        stages: vec![UNASSIGNED.to_owned()],
        touchpoints,
        transitions: Vec::new(),
    }
}

/// The channel a touchpoint's name suggests ("Promo SMS blast" → SMS): the channel of the whole
/// name, else of its first word that names one; `Other` when none does.
pub fn channel_in_name(name: &str) -> Channel {
    std::iter::once(name)
        .chain(name.split(|c: char| !c.is_alphanumeric()))
        .map(channel_of)
        .find(|c| *c != Channel::Other)
        .unwrap_or(Channel::Other)
}

/// The channel a log's channel value names, in English or Italian; `Other` when unknown.
pub fn channel_of(value: &str) -> Channel {
    let key = match_key(value);
    if let Some(c) = Channel::ALL
        .into_iter()
        .find(|c| match_key(c.as_str()) == key)
    {
        return c;
    }
    match key.as_str() {
        "negozio" | "shop" | "punto vendita" | "puntovendita" => Channel::Store,
        "callcenter" | "phone" | "telefono" | "contactcentre" | "contactcenter" => {
            Channel::CallCentre
        }
        "website" | "sito" | "online" => Channel::Web,
        "mobile" | "mobileapp" => Channel::App,
        "mail" | "posta" => Channel::Email,
        "chat" | "bot" => Channel::Chatbot,
        "videochiamata" | "video" => Channel::VideoCall,
        "totem" | "chiosco" => Channel::Kiosk,
        _ => Channel::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touchpoint_name_suggests_its_channel_from_any_of_its_words() {
        assert_eq!(channel_in_name("Promo SMS blast"), Channel::Sms);
        assert_eq!(channel_in_name("Negozio"), Channel::Store);
        assert_eq!(channel_in_name("Partner marketplace"), Channel::Other);
        assert_eq!(channel_in_name("Chat with an agent"), Channel::Chatbot);
    }
}
