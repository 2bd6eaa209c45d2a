//! Rows → spec: every row of a project read as a `ProblemSpec`, before `Problem::new`.

use std::collections::HashMap;

use diesel::prelude::*;
use scheduler_core::{
    EarliestTime, Entente, FixedMatchSpec, InstitutionUnavailability, NonSimultaneityGroup, PoolSpec,
    PresenceObligation, ProblemSpec, TeamKey, TeamSpec, TeamUnavailability, TemporalConstraint, VenueSpec,
    VenueUnavailability,
};

use super::rows::{calendar_of, settings_of, slot_of, status_of};
use super::{project_row, Db};
use crate::convert::*;
use crate::error::DbResult;
use crate::models::*;
use crate::schema;
use crate::types::*;

/// A project's rows read as a spec, before `Problem::new`.
pub(crate) struct Snapshot {
    pub project: ProjectRow,
    pub spec: ProblemSpec,
    /// Row of each fixed match of the spec, in order.
    pub fixed_rows: Vec<MatchRow>,
    /// Championship rows to plan, by key.
    pub open_rows: HashMap<String, MatchRow>,
    /// Cancelled rows, by key.
    pub cancelled: HashMap<String, MatchRow>,
    pub warnings: Vec<LoadWarning>,
}

/// Whether a row is locked for solves: `est_fixe`, `fixe`, `termine`, or placed before `semaine_min`.
pub(crate) fn is_frozen(row: &MatchRow, status: MatchStatus, semaine_min: i32) -> bool {
    row.est_fixe
        || matches!(status, MatchStatus::Fixed | MatchStatus::Played)
        || (status != MatchStatus::Cancelled
            && row.horaire.is_some()
            && row.gymnase.is_some()
            && row.semaine.is_some_and(|w| w < semaine_min))
}

fn team_key(name: &str, gender: Option<&str>, table: &'static str, id: i64) -> DbResult<TeamKey> {
    Ok(TeamKey::new(name, gender_of(gender, table, id)?))
}

/// Reads every row of a project into a spec.
pub(crate) fn snapshot(conn: &mut Db, id: ProjectId) -> DbResult<Snapshot> {
    use schema::*;
    let project = project_row(conn, id)?;
    let pid = project.id;
    let mut spec = ProblemSpec {
        settings: settings_of(&project)?,
        calendar: calendar_of(&project)?,
        ..Default::default()
    };

    let team_rows: Vec<TeamRow> = teams::table
        .filter(teams::project_id.eq(pid))
        .order((teams::position, teams::id))
        .select(TeamRow::as_select())
        .load(conn)?;
    for t in team_rows {
        spec.teams.push(team_spec(&t)?);
    }
    let venue_rows: Vec<VenueRow> = venues::table
        .filter(venues::project_id.eq(pid))
        .order((venues::position, venues::id))
        .select(VenueRow::as_select())
        .load(conn)?;
    for v in venue_rows {
        spec.venues.push(venue_spec(&v)?);
    }
    let pool_rows: Vec<PoolRow> = pools::table
        .filter(pools::project_id.eq(pid))
        .order(pools::id)
        .select(PoolRow::as_select())
        .load(conn)?;
    for p in pool_rows {
        spec.pools.push(PoolSpec { code: p.code.clone(), kind: kind_of(&p.kind, p.id)? });
    }

    let rows: Vec<VenueUnavailabilityRow> = venue_unavailabilities::table
        .filter(venue_unavailabilities::project_id.eq(pid))
        .order(venue_unavailabilities::id)
        .select(VenueUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "venue_unavailabilities";
        spec.venue_unavailabilities.push(VenueUnavailability {
            venue: r.gymnase.clone(),
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
            courts_taken: r
                .terrains_occupes
                .map(|c| u32::try_from(c).map_err(|_| corrupt(T, r.id, "negative courts")))
                .transpose()?,
        });
    }
    let rows: Vec<TeamUnavailabilityRow> = team_unavailabilities::table
        .filter(team_unavailabilities::project_id.eq(pid))
        .order(team_unavailabilities::id)
        .select(TeamUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "team_unavailabilities";
        spec.team_unavailabilities.push(TeamUnavailability {
            team: team_key(&r.equipe_nom, r.equipe_genre.as_deref(), T, r.id)?,
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
        });
    }
    let rows: Vec<InstitutionUnavailabilityRow> = institution_unavailabilities::table
        .filter(institution_unavailabilities::project_id.eq(pid))
        .order(institution_unavailabilities::id)
        .select(InstitutionUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "institution_unavailabilities";
        spec.institution_unavailabilities.push(InstitutionUnavailability {
            institution: r.institution.clone(),
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
        });
    }
    let rows: Vec<EarliestTimeRow> = earliest_times::table
        .filter(earliest_times::project_id.eq(pid))
        .order(earliest_times::id)
        .select(EarliestTimeRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "earliest_times";
        spec.earliest_times.push(EarliestTime {
            team: team_key(&r.equipe_nom, r.equipe_genre.as_deref(), T, r.id)?,
            venue: r.gymnase.clone(),
            earliest: time_of(&r.horaire_min, T, r.id)?,
        });
    }
    let rows: Vec<PresenceObligationRow> = presence_obligations::table
        .filter(presence_obligations::project_id.eq(pid))
        .order(presence_obligations::id)
        .select(PresenceObligationRow::as_select())
        .load(conn)?;
    spec.presence_obligations = rows
        .into_iter()
        .map(|r| PresenceObligation { venue: r.gymnase, institution: r.institution })
        .collect();
    let rows: Vec<GroupRow> = non_simultaneity_groups::table
        .filter(non_simultaneity_groups::project_id.eq(pid))
        .order(non_simultaneity_groups::id)
        .select(GroupRow::as_select())
        .load(conn)?;
    for r in rows {
        let members = from_json(&r.membres, "non_simultaneity_groups", r.id)?;
        spec.groups.push(NonSimultaneityGroup { name: r.nom, members });
    }
    let rows: Vec<EntenteRow> = ententes::table
        .filter(ententes::project_id.eq(pid))
        .order(ententes::id)
        .select(EntenteRow::as_select())
        .load(conn)?;
    spec.ententes = rows
        .into_iter()
        .map(|r| Entente {
            institution_a: r.institution_a,
            institution_b: r.institution_b,
            reward: r.recompense,
        })
        .collect();
    let rows: Vec<TemporalConstraintRow> = temporal_constraints::table
        .filter(temporal_constraints::project_id.eq(pid))
        .order(temporal_constraints::id)
        .select(TemporalConstraintRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "temporal_constraints";
        spec.temporal_constraints.push(TemporalConstraint {
            team_a: team_key(&r.equipe_a_nom, r.equipe_a_genre.as_deref(), T, r.id)?,
            team_b: team_key(&r.equipe_b_nom, r.equipe_b_genre.as_deref(), T, r.id)?,
            kind: temporal_of(&r.sens, r.id)?,
            week: week_of(r.semaine, T, r.id)?,
        });
    }

    let match_rows: Vec<MatchRow> = matches::table
        .filter(matches::project_id.eq(pid))
        .order(matches::id)
        .select(MatchRow::as_select())
        .load(conn)?;
    let mut snapshot = Snapshot {
        project,
        spec,
        fixed_rows: Vec::new(),
        open_rows: HashMap::new(),
        cancelled: HashMap::new(),
        warnings: Vec::new(),
    };
    for row in match_rows {
        let status = status_of(&row)?;
        let slot = slot_of(&row)?;
        let leg = leg_of(row.leg.as_deref(), row.id)?;
        if status == MatchStatus::Cancelled {
            snapshot.cancelled.insert(row.match_key.clone(), row);
            continue;
        }
        if is_frozen(&row, status, snapshot.project.semaine_min) {
            if let Some(slot) = slot {
                snapshot.spec.fixed_matches.push(FixedMatchSpec {
                    home: team_key(&row.equipe1_nom, row.equipe1_genre.as_deref(), "matches", row.id)?,
                    away: team_key(&row.equipe2_nom, row.equipe2_genre.as_deref(), "matches", row.id)?,
                    pool: row.poule.clone(),
                    week: slot.semaine,
                    time: slot.horaire,
                    venue: slot.gymnase,
                    competition: row.competition.clone(),
                    score: row.score.clone(),
                    notes: row.notes.clone(),
                });
                snapshot.fixed_rows.push(row);
                continue;
            }
            snapshot.warnings.push(LoadWarning::Match {
                id: DbMatchId(row.id),
                message: "locked without a complete slot: treated as a match to plan".into(),
            });
        }
        if leg.is_some() {
            snapshot.open_rows.insert(row.match_key.clone(), row);
        } else {
            snapshot.warnings.push(LoadWarning::Match {
                id: DbMatchId(row.id),
                message: "a match outside the championship without a slot or lock: ignored".into(),
            });
        }
    }
    Ok(snapshot)
}

fn team_spec(t: &TeamRow) -> DbResult<TeamSpec> {
    const T: &str = "teams";
    Ok(TeamSpec {
        name: t.nom.clone(),
        gender: gender_of(t.genre.as_deref(), T, t.id)?,
        institution: Some(t.institution.clone()),
        pool: t.poule.clone(),
        preferred_time: t.horaire_prefere.as_deref().map(|h| time_of(h, T, t.id)).transpose()?,
        preferred_venues: from_json(&t.lieux_preferes, T, t.id)?,
    })
}

fn venue_spec(v: &VenueRow) -> DbResult<VenueSpec> {
    const T: &str = "venues";
    let times: Vec<String> = from_json(&v.horaires, T, v.id)?;
    Ok(VenueSpec {
        name: v.nom.clone(),
        courts: u32::try_from(v.capacite).map_err(|_| corrupt(T, v.id, "negative capacity"))?,
        times: times.iter().map(|t| time_of(t, T, v.id)).collect::<DbResult<_>>()?,
        level: level_of(v.niveau.as_deref(), v.id)?,
    })
}
