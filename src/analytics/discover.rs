//! Discovery: a journey proposed from the log, for analysts who start from data, not a drawing.
//!
//! The method, in full in `docs/discovery.md`: every log value gets a *position*, how far into
//! their journey customers typically are when they first meet it (the mean number of distinct
//! values they met before it). Values are ordered by position and cut into stages where the order
//! falls into groups (optimal one-dimensional k-means, so that the cuts fall in the largest
//! gaps), each stage named after its most-reached value. Repeat visits, loops and back-steps do
//! not move a value, because only the first meeting counts. Everything is computed in one pass
//! over the kept events and is deterministic: ties are broken by name.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::{Analysis, Evaluation, NO_STAGE};
use crate::error::{Error, Result};
use crate::journey::{
    Channel, Journey, JourneyId, Kind, Stage, StageId, Touchpoint, TouchpointId, Transition,
    TransitionId, UNASSIGNED_STAGE,
};
use crate::log::NONE;

/// Most stages discovery proposes.
pub const MAX_STAGES: usize = 10;
/// Fewest stages discovery proposes when it chooses (a log of one value gets one).
pub const MIN_STAGES: usize = 2;
/// A chosen stage count leaves at most this share of the positions' spread unexplained.
const UNEXPLAINED: f64 = 0.05;
/// Above this many values, stages are cut at the largest gaps instead of by k-means, whose cost
/// grows with the square of the values.
const EXACT_LIMIT: usize = 600;
/// A value where at least this share of customers start is a suggested entry.
const ENTRY_SHARE: f64 = 0.05;
/// A value where at least this share of long paths end is a suggested goal.
const GOAL_SHARE: f64 = 0.10;
/// Designed transitions of a discovered journey: the most used ones, until they carry this share
/// of the moves between different values…
const TRANSITION_SHARE: f64 = 0.8;
/// …and no more than this many per value; then each value's most used way in, if it has none.
const TRANSITIONS_PER_VALUE: f64 = 2.5;

/// A proposed journey and why each value is where it is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Discovery {
    /// An ordinary journey (its ids are not rows of any workspace yet): stages in order, one
    /// touchpoint per value, in its lane and band, and the most used transitions.
    pub journey: Journey,
    /// Whether the stage count was chosen from the data (not asked for).
    pub chosen: bool,
    /// Each value, in the order of the journey's touchpoints.
    pub values: Vec<DiscoveredValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DiscoveredValue {
    pub name: String,
    /// Index into the journey's stages.
    #[ts(type = "number")]
    pub stage: usize,
    /// Mean number of distinct values customers met before their first meeting with this one.
    pub position: f64,
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub events: u64,
    /// Customers whose first event is here.
    #[ts(type = "number")]
    pub starts: u64,
    /// Suggested entry: many customers start here.
    pub entry: bool,
    /// Suggested goal: many long paths end here.
    pub goal: bool,
}

/// A stage proposed for a log value that no touchpoint of the journey matches.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StageSuggestion {
    pub value: String,
    #[ts(type = "number")]
    pub events: u64,
    pub stage_id: StageId,
    pub stage: String,
    /// The channel its events mostly carry, and the kind that goes with it.
    pub channel: Channel,
    pub kind: Kind,
}

/// What one pass over the kept events learns about every place.
struct Profile {
    customers: Vec<u64>,
    events: Vec<u64>,
    depth_sum: Vec<f64>,
    starts: Vec<u64>,
    /// Per place: long paths (at least the median number of distinct values) that end here.
    long_ends: Vec<u64>,
    long_paths: u64,
    paths: u64,
    /// Moves between different places, by (from, to).
    moves: HashMap<(u32, u32), u64>,
    /// Per place, the channel code its events mostly carry.
    channel: Vec<Option<u32>>,
}

impl Analysis {
    /// Proposes a journey from the kept events: `stages` stages (chosen from the data when
    /// `None`), named `name`. Refuses when the filters keep no event.
    pub fn discover(
        &self,
        evaluation: &Evaluation,
        stages: Option<usize>,
        name: &str,
    ) -> Result<Discovery> {
        let profile = self.profile(evaluation)?;
        let mut values: Vec<u32> = (0..self.place_count())
            .map(super::as_u32)
            .filter(|&p| profile.customers[p as usize] > 0)
            .collect();
        let position = |p: u32| profile.position(p);
        values.sort_by(|&a, &b| {
            position(a)
                .total_cmp(&position(b))
                .then_with(|| profile.customers[b as usize].cmp(&profile.customers[a as usize]))
                .then_with(|| self.place_name(a).cmp(self.place_name(b)))
        });
        let xs: Vec<f64> = values.iter().map(|&p| position(p)).collect();
        let (k, chosen) = match stages {
            Some(k) => (k.clamp(1, MAX_STAGES).min(values.len()), false),
            None => (choose_stage_count(&xs), true),
        };
        let cuts = cut(&xs, k);
        let mut stage_of_rank: Vec<usize> = (0..values.len())
            .map(|i| cuts.iter().filter(|&&c| c <= i).count())
            .collect();
        refine(&values, &xs, &profile.moves, k, &mut stage_of_rank);

        let total = profile.paths.max(1) as f64;
        let first_stage_end = cuts.first().copied().unwrap_or(values.len());
        let mut discovered: Vec<DiscoveredValue> = values
            .iter()
            .enumerate()
            .map(|(rank, &p)| {
                let i = p as usize;
                let starts = profile.starts[i];
                let long_end_share = if profile.long_paths > 0 {
                    profile.long_ends[i] as f64 / profile.long_paths as f64
                } else {
                    0.0
                };
                DiscoveredValue {
                    name: self.place_name(p).to_owned(),
                    stage: stage_of_rank[rank],
                    position: position(p),
                    customers: profile.customers[i],
                    events: profile.events[i],
                    starts,
                    entry: starts as f64 / total >= ENTRY_SHARE,
                    goal: long_end_share >= GOAL_SHARE && (k == 1 || rank >= first_stage_end),
                }
            })
            .collect();
        // A journey has at least one entry: where most customers start.
        if !discovered.iter().any(|v| v.entry) {
            if let Some(top) = discovered
                .iter_mut()
                .max_by(|a, b| a.starts.cmp(&b.starts).then_with(|| b.name.cmp(&a.name)))
            {
                top.entry = true;
            }
        }

        let journey = self.journey_of(name, k, &values, &mut discovered, &profile);
        Ok(Discovery {
            journey,
            chosen,
            values: discovered,
        })
    }

    /// For each log value that no touchpoint of the journey matches, the stage whose touchpoints
    /// customers typically meet at the same point of their journey (by the positions of
    /// [`Analysis::discover`]), most frequent values first. Stage "Unassigned" is never
    /// suggested.
    pub fn suggest_stages(&self, evaluation: &Evaluation) -> Result<Vec<StageSuggestion>> {
        let profile = self.profile(evaluation)?;
        // Each stage's position: the mean of its touchpoints', weighted by their customers.
        // "Unassigned" holds what no one has placed yet: it is no place to suggest.
        let mut sums = vec![(0.0f64, 0u64); self.stage_count()];
        for p in 0..self.places.node_count {
            if self.stage_name(self.stage_of(super::as_u32(p))) == Some(UNASSIGNED_STAGE) {
                continue;
            }
            let stage = self.stage_of(super::as_u32(p));
            let n = profile.customers[p];
            if let (Some(s), true) = (sums.get_mut(stage as usize), n > 0) {
                s.0 += profile.depth_sum[p];
                s.1 += n;
            }
        }
        let centres: Vec<(usize, f64)> = sums
            .iter()
            .enumerate()
            .filter(|(_, (_, n))| *n > 0)
            .map(|(s, (sum, n))| (s, sum / *n as f64))
            .collect();
        let mut out = Vec::new();
        for p in self.places.node_count..self.place_count() {
            let place = super::as_u32(p);
            if profile.customers[p] == 0 || self.stage_of(place) != NO_STAGE {
                continue;
            }
            let at = profile.position(place);
            let Some(&(stage, _)) = centres
                .iter()
                .min_by(|a, b| (a.1 - at).abs().total_cmp(&(b.1 - at).abs()))
            else {
                continue;
            };
            let Some(stage_id) = self.stage_id(super::as_u32(stage)) else {
                continue;
            };
            let channel = self.channel_of_place(&profile, place);
            out.push(StageSuggestion {
                value: self.place_name(place).to_owned(),
                events: profile.events[p],
                stage_id,
                stage: self
                    .stage_name(super::as_u32(stage))
                    .unwrap_or("")
                    .to_owned(),
                channel,
                kind: channel.usual_kind(),
            });
        }
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.value.cmp(&b.value)));
        Ok(out)
    }

    /// One pass over the kept events of every customer.
    fn profile(&self, evaluation: &Evaluation) -> Result<Profile> {
        evaluation.facts.check_made_by(self)?;
        let places = self.place_count();
        let channels = self.channel_names.len();
        let mut profile = Profile {
            customers: vec![0; places],
            events: vec![0; places],
            depth_sum: vec![0.0; places],
            starts: vec![0; places],
            long_ends: vec![0; places],
            long_paths: 0,
            paths: 0,
            moves: HashMap::new(),
            channel: vec![None; places],
        };
        // Channel counts in one flat table, when it stays small.
        let mut channel_counts = if channels > 0 && places.saturating_mul(channels) <= 1 << 24 {
            vec![0u64; places * channels]
        } else {
            Vec::new()
        };
        let mut seen = vec![u32::MAX; places];
        let mut path: Vec<u32> = Vec::new();
        let mut distinct_counts = vec![0u64; 0];
        let mut last_and_distinct: Vec<(u32, u32)> = Vec::new();
        for c in 0..self.customer_count() {
            if evaluation.facts.kept_events[c] == 0 {
                continue;
            }
            path.clear();
            let stamp = super::as_u32(c);
            let mut depth = 0u32;
            let mut previous = NONE;
            for e in self.events_of(c) {
                if !evaluation.facts.filter.keeps_event(self, e) {
                    continue;
                }
                let p = self.place[e];
                let i = p as usize;
                path.push(p);
                profile.events[i] += 1;
                if !channel_counts.is_empty() {
                    let channel = self.channel[e];
                    if channel != NONE {
                        if let Some(n) = channel_counts.get_mut(i * channels + channel as usize) {
                            *n += 1;
                        }
                    }
                }
                if seen[i] != stamp {
                    seen[i] = stamp;
                    profile.customers[i] += 1;
                    profile.depth_sum[i] += f64::from(depth);
                    depth += 1;
                }
                if previous != NONE && previous != p {
                    *profile.moves.entry((previous, p)).or_insert(0) += 1;
                }
                previous = p;
            }
            let (Some(&first), Some(&last)) = (path.first(), path.last()) else {
                continue;
            };
            profile.paths += 1;
            profile.starts[first as usize] += 1;
            let d = depth as usize;
            if distinct_counts.len() <= d {
                distinct_counts.resize(d + 1, 0);
            }
            distinct_counts[d] += 1;
            last_and_distinct.push((last, depth));
        }
        if profile.paths == 0 {
            return Err(Error::NothingToDiscover);
        }
        // Long paths: at least the median number of distinct values, and at least three.
        let half = profile.paths.div_ceil(2);
        let mut running = 0u64;
        let median = distinct_counts
            .iter()
            .position(|&n| {
                running += n;
                running >= half
            })
            .unwrap_or(0);
        let long = u32::try_from(median.max(3)).unwrap_or(u32::MAX);
        for &(last, distinct) in &last_and_distinct {
            if distinct >= long {
                profile.long_paths += 1;
                profile.long_ends[last as usize] += 1;
            }
        }
        if !channel_counts.is_empty() {
            for (p, channel) in profile.channel.iter_mut().enumerate() {
                let row = &channel_counts[p * channels..(p + 1) * channels];
                *channel = row
                    .iter()
                    .enumerate()
                    .filter(|(_, &n)| n > 0)
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(c, _)| super::as_u32(c));
            }
        }
        Ok(profile)
    }

    fn channel_of_place(&self, profile: &Profile, place: u32) -> Channel {
        profile
            .channel
            .get(place as usize)
            .copied()
            .flatten()
            .and_then(|c| self.channel_names.get(c as usize))
            .map_or(Channel::Other, |name| crate::import::channel_of(name))
    }

    /// The discovered journey: stages named after their most-reached value, touchpoints in their
    /// lane and band in the order of their positions, the most used moves as transitions.
    fn journey_of(
        &self,
        name: &str,
        k: usize,
        values: &[u32],
        discovered: &mut [DiscoveredValue],
        profile: &Profile,
    ) -> Journey {
        let transitions = self.transitions_of(values, discovered, profile);
        let discovered = &*discovered;
        let stages: Vec<Stage> = (0..k)
            .map(|s| {
                let named = discovered
                    .iter()
                    .filter(|v| v.stage == s)
                    .max_by(|a, b| {
                        a.customers
                            .cmp(&b.customers)
                            .then_with(|| b.name.cmp(&a.name))
                    })
                    .map_or_else(|| format!("{}", s + 1), |v| v.name.clone());
                Stage {
                    id: StageId(s as i64 + 1),
                    name: named,
                }
            })
            .collect();
        let mut rows: HashMap<(usize, Kind), usize> = HashMap::new();
        let touchpoints: Vec<Touchpoint> = values
            .iter()
            .zip(discovered)
            .enumerate()
            .map(|(i, (&p, v))| {
                let channel = self.channel_of_place(profile, p);
                let kind = channel.usual_kind();
                let row = rows.entry((v.stage, kind)).or_insert(0);
                let (x, y) = crate::layout::slot(*row);
                *row += 1;
                Touchpoint {
                    id: TouchpointId(i as i64 + 1),
                    stage: StageId(v.stage as i64 + 1),
                    name: v.name.clone(),
                    channel,
                    kind,
                    x,
                    y,
                    entry: v.entry,
                    goal: v.goal,
                    ..Touchpoint::default()
                }
            })
            .collect();
        Journey {
            id: JourneyId(0),
            name: name.to_owned(),
            description: format!(
                "Discovered from the log: {} customers, {} stages",
                profile.paths, k
            ),
            personas: Vec::new(),
            stages,
            touchpoints,
            transitions,
            views: Vec::new(),
            notes: Vec::new(),
            stories: Vec::new(),
        }
    }

    /// The most used moves between different values as transitions, and what makes every value
    /// reachable from an entry.
    fn transitions_of(
        &self,
        values: &[u32],
        discovered: &mut [DiscoveredValue],
        profile: &Profile,
    ) -> Vec<Transition> {
        let index: HashMap<u32, usize> = values.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut moves: Vec<((u32, u32), u64)> = profile
            .moves
            .iter()
            .filter(|((a, b), _)| index.contains_key(a) && index.contains_key(b))
            .map(|(&pair, &n)| (pair, n))
            .collect();
        moves.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                let names = |(x, y): (u32, u32)| (self.place_name(x), self.place_name(y));
                names(a.0).cmp(&names(b.0))
            })
        });
        let all: u64 = moves.iter().map(|m| m.1).sum();
        let most = (values.len() as f64 * TRANSITIONS_PER_VALUE).ceil() as usize;
        let mut carried = 0u64;
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for &((a, b), n) in &moves {
            if kept.len() >= most || carried as f64 >= all as f64 * TRANSITION_SHARE {
                break;
            }
            carried += n;
            if let (Some(&from), Some(&to)) = (index.get(&a), index.get(&b)) {
                kept.push((from, to));
            }
        }
        // A value that no entry reaches gets its most used way in from one that is reached, so
        // that the map has no touchpoint cut off from the entries.
        let mut reached: Vec<bool> = discovered.iter().map(|v| v.entry).collect();
        loop {
            // What the kept transitions reach from the entries.
            let mut changed = true;
            while changed {
                changed = false;
                for &(from, to) in &kept {
                    if reached[from] && !reached[to] {
                        reached[to] = true;
                        changed = true;
                    }
                }
            }
            let way_in = moves.iter().find_map(|&((a, b), _)| {
                let (&from, &to) = (index.get(&a)?, index.get(&b)?);
                (reached[from] && !reached[to]).then_some((from, to))
            });
            match way_in {
                Some(pair) => kept.push(pair),
                None => {
                    // Left: values that customers only reach by starting there. Where customers
                    // start is an entry.
                    let start = (0..discovered.len())
                        .filter(|&i| !reached[i] && discovered[i].starts > 0)
                        .max_by(|&a, &b| {
                            discovered[a]
                                .starts
                                .cmp(&discovered[b].starts)
                                .then(b.cmp(&a))
                        });
                    match start {
                        Some(i) => {
                            discovered[i].entry = true;
                            reached[i] = true;
                        }
                        None => break,
                    }
                }
            }
        }
        kept.into_iter()
            .enumerate()
            .map(|(i, (from, to))| Transition {
                id: TransitionId(i as i64 + 1),
                from: TouchpointId(from as i64 + 1),
                to: TouchpointId(to as i64 + 1),
            })
            .collect()
    }
}

impl Profile {
    /// Where customers typically meet `place`: the mean number of distinct values they met
    /// before they first met it.
    fn position(&self, place: u32) -> f64 {
        let i = place as usize;
        match self.customers.get(i) {
            Some(&n) if n > 0 => self.depth_sum[i] / n as f64,
            _ => 0.0,
        }
    }
}

/// Moves each value to a neighbouring stage when the customers' moves say it belongs there:
/// between stages customers go forward, one stage at a time, and inside a stage back and forth.
/// So a value customers often leave *backwards* to a stage (a Q&A that sends them back to the
/// product page) belongs to that stage, and a value that leads straight into the stage of its
/// successors while its predecessors sit in its own belongs to it. Each value's cost in a stage
/// is the share of its moves that go backwards or skip a stage, plus half how far its position
/// is from the stage's, in units of the distance between stage positions; values move to the
/// cheapest of their stage and the two beside it until none moves (at most ten rounds), in
/// the order of their positions. A stage is never emptied.
fn refine(
    values: &[u32],
    xs: &[f64],
    moves: &HashMap<(u32, u32), u64>,
    k: usize,
    stage: &mut [usize],
) {
    if k < 2 {
        return;
    }
    let rank: HashMap<u32, usize> = values.iter().enumerate().map(|(i, &p)| (p, i)).collect();
    // Each value's moves to and from other values, by rank.
    let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); values.len()];
    let mut inn: Vec<Vec<(usize, f64)>> = vec![Vec::new(); values.len()];
    let mut pairs: Vec<(&(u32, u32), &u64)> = moves.iter().collect();
    pairs.sort();
    for ((a, b), &n) in pairs {
        if let (Some(&i), Some(&j)) = (rank.get(a), rank.get(b)) {
            out[i].push((j, n as f64));
            inn[j].push((i, n as f64));
        }
    }
    // How far a move from stage `from` to stage `to` strays from one step forward or a move
    // inside the stage.
    let stray = |from: usize, to: usize| -> f64 {
        if to < from {
            (from - to) as f64
        } else {
            (to - from).saturating_sub(1) as f64
        }
    };
    for _ in 0..10 {
        let mut centre = vec![(0.0, 0usize); k];
        for (i, &s) in stage.iter().enumerate() {
            centre[s].0 += xs[i];
            centre[s].1 += 1;
        }
        let centre: Vec<f64> = centre
            .iter()
            .map(|&(sum, n)| if n > 0 { sum / n as f64 } else { 0.0 })
            .collect();
        let step = ((centre[k - 1] - centre[0]) / (k - 1) as f64).max(f64::EPSILON);
        let mut moved = false;
        for i in 0..values.len() {
            let here = stage[i];
            if stage.iter().filter(|&&s| s == here).count() <= 1 {
                continue;
            }
            let total: f64 = out[i].iter().chain(&inn[i]).map(|m| m.1).sum();
            let cost = |s: usize| -> f64 {
                let flow: f64 = out[i]
                    .iter()
                    .map(|&(j, n)| n * stray(s, stage[j]))
                    .chain(inn[i].iter().map(|&(j, n)| n * stray(stage[j], s)))
                    .sum();
                let flow = if total > 0.0 { flow / total } else { 0.0 };
                flow + 0.5 * (xs[i] - centre[s]).abs() / step
            };
            let candidates = [here.checked_sub(1), Some(here), Some(here + 1)];
            let best = candidates
                .into_iter()
                .flatten()
                .filter(|&s| s < k)
                .min_by(|&a, &b| cost(a).total_cmp(&cost(b)).then(a.cmp(&b)));
            if let Some(best) = best {
                if best != here && cost(best) < cost(here) {
                    stage[i] = best;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// The stage count for sorted positions `xs`, from [`MIN_STAGES`] to [`MAX_STAGES`]: among the
/// counts whose groups leave at most [`UNEXPLAINED`] of the positions' spread unexplained, the
/// one whose last stage explains the most (the largest drop of the unexplained spread from one
/// stage fewer): where the order falls into groups, not merely into more, smaller ones. When
/// no count explains that much, the most stages.
fn choose_stage_count(xs: &[f64]) -> usize {
    let n = xs.len();
    if n <= MIN_STAGES {
        return n.max(1);
    }
    let whole = sse(xs, &[]);
    if whole <= f64::EPSILON {
        return MIN_STAGES;
    }
    let most = MAX_STAGES.min(n);
    let left: Vec<f64> = (0..=most)
        .map(|k| if k == 0 { whole } else { sse(xs, &cut(xs, k)) })
        .collect();
    (MIN_STAGES..=most)
        .filter(|&k| left[k] <= whole * UNEXPLAINED)
        .max_by(|&a, &b| {
            // Below a thousandth of the spread, what is left is noise, not groups.
            let floor = whole * 1e-3;
            let drop = |k: usize| left[k - 1].max(floor) / left[k].max(floor);
            drop(a).total_cmp(&drop(b)).then(b.cmp(&a))
        })
        .unwrap_or(most)
}

/// The sum of squared distances of `xs` to the means of the groups that `cuts` (the indices
/// where a new group starts) make.
fn sse(xs: &[f64], cuts: &[usize]) -> f64 {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(xs.len());
    bounds
        .windows(2)
        .map(|w| {
            let group = &xs[w[0]..w[1]];
            if group.is_empty() {
                return 0.0;
            }
            let mean = group.iter().sum::<f64>() / group.len() as f64;
            group.iter().map(|x| (x - mean).powi(2)).sum::<f64>()
        })
        .sum()
}

/// Where sorted positions `xs` are cut into `k` groups: the indices at which groups 2..k start.
/// Optimal one-dimensional k-means (least squares, by dynamic programming) up to
/// [`EXACT_LIMIT`] values; above, the `k - 1` largest gaps.
fn cut(xs: &[f64], k: usize) -> Vec<usize> {
    let n = xs.len();
    let k = k.clamp(1, n.max(1));
    if k <= 1 || n == 0 {
        return Vec::new();
    }
    if n > EXACT_LIMIT {
        let mut gaps: Vec<usize> = (1..n).collect();
        gaps.sort_by(|&a, &b| {
            (xs[b] - xs[b - 1])
                .total_cmp(&(xs[a] - xs[a - 1]))
                .then(a.cmp(&b))
        });
        let mut cuts: Vec<usize> = gaps.into_iter().take(k - 1).collect();
        cuts.sort_unstable();
        return cuts;
    }
    // Prefix sums for the cost of a group xs[i..j].
    let mut sum = vec![0.0; n + 1];
    let mut squares = vec![0.0; n + 1];
    for (i, x) in xs.iter().enumerate() {
        sum[i + 1] = sum[i] + x;
        squares[i + 1] = squares[i] + x * x;
    }
    let cost = |i: usize, j: usize| {
        let m = (j - i) as f64;
        let s = sum[j] - sum[i];
        (squares[j] - squares[i] - s * s / m).max(0.0)
    };
    // best[g][j]: least cost of xs[..j] in g + 1 groups; from[g][j]: where its last group starts.
    let mut best = vec![vec![f64::INFINITY; n + 1]; k];
    let mut from = vec![vec![0usize; n + 1]; k];
    for (j, b) in best[0].iter_mut().enumerate().skip(1) {
        *b = cost(0, j);
    }
    for g in 1..k {
        for j in (g + 1)..=n {
            for i in g..j {
                let c = best[g - 1][i] + cost(i, j);
                // Strictly less: on a tie the earliest cut wins, deterministically.
                if c < best[g][j] {
                    best[g][j] = c;
                    from[g][j] = i;
                }
            }
        }
    }
    let mut cuts = Vec::with_capacity(k - 1);
    let mut j = n;
    for g in (1..k).rev() {
        let i = from[g][j];
        cuts.push(i);
        j = i;
    }
    cuts.reverse();
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_clear_groups_are_cut_between_the_groups() {
        let xs = [0.0, 0.1, 0.2, 3.0, 3.1, 6.0, 6.2, 6.3];
        assert_eq!(cut(&xs, 3), vec![3, 5]);
        assert_eq!(choose_stage_count(&xs), 3);
        assert_eq!(cut(&xs, 1), Vec::<usize>::new());
        // More groups than values: one value each.
        assert_eq!(cut(&xs[..2], 5), vec![1]);
    }

    #[test]
    fn above_the_exact_limit_the_largest_gaps_are_cut() {
        let xs: Vec<f64> = (0..EXACT_LIMIT + 10)
            .map(|i| i as f64 + if i >= 300 { 50.0 } else { 0.0 })
            .collect();
        assert_eq!(cut(&xs, 2), vec![300]);
    }
}
