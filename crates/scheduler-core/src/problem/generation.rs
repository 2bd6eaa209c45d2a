//! Match generation (spec §5) and replacement by fixed matches (spec §6, without its flaw).

use std::collections::HashMap;

use super::{FixedMatch, Leg, Match, Pool, ProblemWarning, Team};
use crate::spec::{PoolKind, TemporalKind};
use crate::{InstitutionId, MatchId, PoolId, Settings, TeamId};

/// A generated pairing leg before ids are final.
#[derive(Debug, Clone, Copy)]
pub(super) struct Generated {
    home: TeamId,
    away: TeamId,
    pool: PoolId,
    leg: Leg,
}

/// Every leg of every pool: pairs in source order, home-and-away legs back to back.
pub(super) fn generate(pools: &[Pool], _teams: &[Team]) -> Vec<Generated> {
    let mut out = Vec::new();
    for (index, pool) in pools.iter().enumerate() {
        let pool_id = PoolId::from_index(index);
        for (i, &a) in pool.teams.iter().enumerate() {
            for &b in &pool.teams[i + 1..] {
                match pool.kind {
                    PoolKind::SingleRoundRobin => {
                        out.push(Generated { home: a, away: b, pool: pool_id, leg: Leg::Single })
                    }
                    PoolKind::HomeAndAway => {
                        out.push(Generated { home: a, away: b, pool: pool_id, leg: Leg::First });
                        out.push(Generated { home: b, away: a, pool: pool_id, leg: Leg::Return });
                    }
                }
            }
        }
    }
    out
}

/// Removes the generated legs that fixed matches stand for; returns the rest and how many went.
///
/// A fixed match between two teams of the same pool (and naming that pool or none) replaces their
/// single match whatever the order; in a home-and-away pool it replaces the leg with the same home
/// team, or the other leg if that one is already taken.
pub(super) fn replace_by_fixed(
    generated: Vec<Generated>,
    teams: &[Team],
    fixed: &mut [FixedMatch],
    warnings: &mut Vec<ProblemWarning>,
) -> (Vec<Generated>, usize) {
    let mut by_pair: HashMap<(TeamId, TeamId), Vec<usize>> = HashMap::new();
    for (index, g) in generated.iter().enumerate() {
        by_pair.entry((g.home.min(g.away), g.home.max(g.away))).or_default().push(index);
    }
    let mut removed = vec![false; generated.len()];
    for f in fixed.iter_mut() {
        let pool = teams[f.home.index()].pool;
        if pool.is_none() || pool != teams[f.away.index()].pool || (f.pool.is_some() && f.pool != pool) {
            continue;
        }
        let Some(legs) = by_pair.get(&(f.home.min(f.away), f.home.max(f.away))) else { continue };
        let free: Vec<usize> = legs.iter().copied().filter(|i| !removed[*i]).collect();
        let chosen = free.iter().copied().find(|i| generated[*i].home == f.home).or(free.first().copied());
        match chosen {
            Some(index) => {
                removed[index] = true;
                f.replaces = Some(generated[index].leg);
                f.pool = pool;
            }
            None => warnings.push(ProblemWarning::ExtraFixedMatch {
                fixed: format!(
                    "fixed match {} – {} in week {}",
                    teams[f.home.index()].label(),
                    teams[f.away.index()].label(),
                    f.week.0
                ),
            }),
        }
    }
    let count = removed.iter().filter(|r| **r).count();
    let kept = generated.into_iter().zip(removed).filter(|(_, r)| !r).map(|(g, _)| g).collect();
    (kept, count)
}

/// Gives ids, rewards, ententes, temporal rules and leg partners to the matches to plan.
pub(super) fn finish(
    kept: Vec<Generated>,
    teams: &[Team],
    ententes: &HashMap<(InstitutionId, InstitutionId), i64>,
    temporal: &HashMap<(TeamId, TeamId), Vec<(TemporalKind, u16)>>,
    settings: &Settings,
) -> Vec<Match> {
    let mut legs: HashMap<(TeamId, TeamId), Vec<MatchId>> = HashMap::new();
    let mut matches: Vec<Match> = kept
        .iter()
        .enumerate()
        .map(|(index, g)| {
            let pair = (g.home.min(g.away), g.home.max(g.away));
            if g.leg != Leg::Single {
                legs.entry(pair).or_default().push(MatchId::from_index(index));
            }
            let a = teams[g.home.index()].institution;
            let b = teams[g.away.index()].institution;
            let entente = ententes.get(&(a.min(b), a.max(b))).copied();
            Match {
                home: g.home,
                away: g.away,
                pool: g.pool,
                leg: g.leg,
                other_leg: None,
                reward: entente.unwrap_or(settings.match_reward),
                entente: entente.is_some(),
                temporal: temporal.get(&pair).cloned().unwrap_or_default(),
            }
        })
        .collect();
    for ids in legs.values() {
        if let [a, b] = ids.as_slice() {
            matches[a.index()].other_leg = Some(*b);
            matches[b.index()].other_leg = Some(*a);
        }
    }
    matches
}
