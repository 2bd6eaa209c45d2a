//! Realistic synthetic seasons, for examples, property tests and benchmarks (no I/O: the caller
//! writes them wherever it wants).

use chrono::{NaiveDate, Weekday};

use crate::rng::Rng;
use crate::spec::*;
use crate::{Calendar, SeasonDates, Settings, TimeOfDay, TimeRange};

/// Size and shape of a synthetic season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticParams {
    /// About this many championship teams.
    pub teams: usize,
    /// Seed: the same seed gives the same season.
    pub seed: u64,
}

impl Default for SyntheticParams {
    fn default() -> Self {
        Self { teams: 60, seed: 1 }
    }
}

const INSTITUTION_NAMES: [&str; 24] = [
    "LYON 1", "LYON 2", "LYON 3", "INSA", "ECL", "EML", "ENS", "CPE", "ECAM", "ESA", "VETO", "ISARA", "CESI",
    "ESME", "ESSCA", "SANTE", "ENTPE", "IEP", "CATHO", "ITECH", "IDRAC", "EPITECH", "POLYTECH", "ARTS",
];

fn institution(index: usize) -> String {
    let base = INSTITUTION_NAMES[index % INSTITUTION_NAMES.len()];
    match index / INSTITUTION_NAMES.len() {
        0 => base.to_string(),
        n => format!("{base} {}", n + 1),
    }
}

fn time(hours: u16) -> TimeOfDay {
    TimeOfDay::from_hm(hours, 0).expect("whole hours are valid times")
}

/// A season of about `params.teams` teams: pools of 4–6 teams by gender and level (a third of them
/// home-and-away), one venue per ~10 teams with 1–3 courts, 13 weeks with holidays, unavailabilities,
/// preferences, presence obligations, ententes and already played matches.
pub fn generate(params: SyntheticParams) -> ProblemSpec {
    let mut rng = Rng::new(params.seed ^ 0x5EED);
    let institutions = (params.teams / 6).clamp(4, 400);
    let venue_count = (params.teams / 10).max(2);
    let calendar = Calendar {
        weeks: 13,
        first_plannable_week: 3,
        blocked_weeks: [8, 11].into_iter().collect(),
        dates: NaiveDate::from_ymd_opt(2026, 9, 24)
            .map(|start| SeasonDates { start, match_day: Weekday::Thu }),
    };

    let mut spec = ProblemSpec { settings: Settings::default(), calendar, ..ProblemSpec::default() };

    // Venues: the first ones belong to institutions (with a presence obligation on some).
    let all_times = [14, 16, 18, 20];
    for v in 0..venue_count {
        let owner = institution(v % institutions);
        let first = rng.below(2);
        let times: Vec<TimeOfDay> = all_times[first..].iter().map(|h| time(*h)).collect();
        let name = format!("GYM {} {}", owner, v / institutions + 1);
        spec.venues.push(VenueSpec {
            name: name.clone(),
            courts: 1 + rng.below(3) as u32,
            times,
            level: match v % 5 {
                0 => Some(VenueLevel::High),
                4 => Some(VenueLevel::Low),
                _ => None,
            },
        });
        if v % 4 == 1 {
            spec.presence_obligations.push(PresenceObligation { venue: name, institution: owner });
        }
    }

    // Teams and pools: per gender and level, pools of 3 to 5.
    let mut next_number = vec![1usize; institutions];
    let mut team_count = 0;
    let mut pool_index = 0;
    'pools: for level in 1..=4 {
        for gender in [Gender::Female, Gender::Male] {
            for letter in 0..26u8 {
                if team_count >= params.teams {
                    break 'pools;
                }
                if letter as usize >= params.teams.div_ceil(40) {
                    break;
                }
                let code = format!("VB{}A{level}P{}", gender.code(), (b'A' + letter) as char);
                let size = 4 + rng.below(3);
                let kind =
                    if pool_index % 3 == 1 { PoolKind::HomeAndAway } else { PoolKind::SingleRoundRobin };
                spec.pools.push(PoolSpec { code: code.clone(), kind });
                pool_index += 1;
                for _ in 0..size {
                    let inst = rng.below(institutions);
                    let name = format!("{} ({})", institution(inst), next_number[inst]);
                    next_number[inst] += 1;
                    let preferred_time = Some(time(all_times[rng.below(all_times.len())]));
                    spec.teams.push(TeamSpec {
                        name,
                        gender: Some(gender),
                        institution: None,
                        pool: Some(code.clone()),
                        preferred_time,
                        preferred_venues: Vec::new(),
                    });
                    team_count += 1;
                }
            }
        }
    }
    // The loop above may stop early on small sizes; keep going round-robin over levels until full.
    let mut extra = 0;
    while team_count < params.teams {
        let code = format!("VBMA4Q{extra}");
        spec.pools.push(PoolSpec { code: code.clone(), kind: PoolKind::SingleRoundRobin });
        for _ in 0..(4.min(params.teams - team_count).max(2)) {
            let inst = rng.below(institutions);
            let name = format!("{} ({})", institution(inst), next_number[inst]);
            next_number[inst] += 1;
            spec.teams.push(TeamSpec::new(name, Some(Gender::Male), code.clone()));
            team_count += 1;
        }
        extra += 1;
    }

    // Venue preferences: an institution likes its own venue first, another one second.
    for team in &mut spec.teams {
        let owner = crate::names::institution_of(&team.name);
        let own =
            spec.venues.iter().find(|v| v.name.starts_with(&format!("GYM {owner} "))).map(|v| v.name.clone());
        if own.is_some() || rng.chance(40) {
            let other = spec.venues[rng.below(spec.venues.len())].name.clone();
            team.preferred_venues = vec![own, Some(other)];
        }
    }

    // Unavailabilities: exam weeks for a few institutions, single evenings for some teams, venue closures.
    for i in 0..institutions {
        if rng.chance(25) {
            spec.institution_unavailabilities.push(InstitutionUnavailability {
                institution: institution(i),
                week: 3 + rng.below(11) as u16,
                range: TimeRange::AllDay,
            });
        }
    }
    let team_keys: Vec<TeamKey> = spec.teams.iter().map(TeamSpec::key).collect();
    for team in &team_keys {
        if rng.chance(20) {
            spec.team_unavailabilities.push(TeamUnavailability {
                team: team.clone(),
                week: 3 + rng.below(11) as u16,
                range: TimeRange::Between { start: time(18), end: time(22) },
            });
        }
    }
    for v in 0..spec.venues.len() {
        if rng.chance(50) {
            let name = spec.venues[v].name.clone();
            let courts = spec.venues[v].courts;
            spec.venue_unavailabilities.push(VenueUnavailability {
                venue: name,
                week: 3 + rng.below(11) as u16,
                range: TimeRange::AllDay,
                courts_taken: (courts > 1).then_some(1),
            });
        }
    }

    // Ententes: matches between teams of one institution are optional.
    for i in (0..institutions).step_by(7) {
        spec.ententes.push(Entente {
            institution_a: institution(i),
            institution_b: institution(i),
            reward: None,
        });
    }

    // Already played: in weeks 1 and 2, the first pairing of some pools, on distinct slots.
    let mut used = std::collections::HashSet::new();
    for pool in &spec.pools {
        let members: Vec<&TeamSpec> =
            spec.teams.iter().filter(|t| t.pool.as_deref() == Some(&pool.code)).collect();
        if members.len() < 2 || !rng.chance(60) {
            continue;
        }
        let week = 1 + rng.below(2) as u16;
        let venue = &spec.venues[rng.below(spec.venues.len())];
        let Some(slot_time) =
            venue.times.iter().copied().find(|t| used.insert((week, venue.name.clone(), *t)))
        else {
            continue;
        };
        spec.fixed_matches.push(FixedMatchSpec {
            home: members[0].key(),
            away: members[1].key(),
            pool: Some(pool.code.clone()),
            week,
            time: slot_time,
            venue: venue.name.clone(),
            competition: Some("Acad".into()),
            score: Some(format!("{}-{}", 3, rng.below(3))),
            notes: None,
        });
    }
    spec
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;

    #[test]
    fn synthetic_seasons_are_valid_and_reproducible() {
        for teams in [12, 60, 100, 500] {
            let spec = generate(SyntheticParams { teams, seed: 7 });
            assert_eq!(spec, generate(SyntheticParams { teams, seed: 7 }));
            assert!(spec.teams.len() >= teams, "{} < {teams}", spec.teams.len());
            let (problem, _) = Problem::new(spec).expect("a synthetic season is valid");
            assert!(problem.matches.len() >= teams, "enough matches for {teams} teams");
        }
    }
}
