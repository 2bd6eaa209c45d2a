//! Diesel rows: one `*Row` (read) and one `New*` (insert) per table. Private to the crate; the
//! repository converts them to domain types.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::schema::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct ProjectRow {
    pub id: i64,
    pub nom: String,
    pub sport: String,
    pub config: Option<String>,
    pub nb_semaines: i32,
    pub semaine_min: i32,
    pub semaines_banalisees: String,
    pub calendrier_actif: bool,
    pub date_debut: Option<NaiveDate>,
    pub jour_match: Option<String>,
    pub settings: String,
    pub revision: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = projects, treat_none_as_null = true)]
pub(crate) struct NewProjectRow {
    pub nom: String,
    pub sport: String,
    pub config: Option<String>,
    pub nb_semaines: i32,
    pub semaine_min: i32,
    pub semaines_banalisees: String,
    pub calendrier_actif: bool,
    pub date_debut: Option<NaiveDate>,
    pub jour_match: Option<String>,
    pub settings: String,
    pub revision: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = teams, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct TeamRow {
    pub id: i64,
    pub project_id: i64,
    pub position: i32,
    pub nom: String,
    pub genre: Option<String>,
    pub institution: String,
    pub numero_equipe: Option<i32>,
    pub poule: Option<String>,
    pub horaire_prefere: Option<String>,
    pub lieux_preferes: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = teams, treat_none_as_default_value = false)]
pub(crate) struct NewTeamRow {
    pub project_id: i64,
    pub position: i32,
    pub nom: String,
    pub genre: Option<String>,
    pub institution: String,
    pub numero_equipe: Option<i32>,
    pub poule: Option<String>,
    pub horaire_prefere: Option<String>,
    pub lieux_preferes: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = venues, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct VenueRow {
    pub id: i64,
    pub project_id: i64,
    pub position: i32,
    pub nom: String,
    pub capacite: i32,
    pub horaires: String,
    pub niveau: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = venues, treat_none_as_default_value = false)]
pub(crate) struct NewVenueRow {
    pub project_id: i64,
    pub position: i32,
    pub nom: String,
    pub capacite: i32,
    pub horaires: String,
    pub niveau: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pools, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct PoolRow {
    pub id: i64,
    pub code: String,
    pub kind: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = pools)]
pub(crate) struct NewPoolRow {
    pub project_id: i64,
    pub code: String,
    pub kind: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = matches, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct MatchRow {
    pub id: i64,
    pub project_id: i64,
    pub match_key: String,
    pub equipe1_nom: String,
    pub equipe1_institution: Option<String>,
    pub equipe1_genre: Option<String>,
    pub equipe2_nom: String,
    pub equipe2_institution: Option<String>,
    pub equipe2_genre: Option<String>,
    pub poule: Option<String>,
    pub semaine: Option<i32>,
    pub horaire: Option<String>,
    pub gymnase: Option<String>,
    pub est_fixe: bool,
    pub statut: String,
    pub priorite: i32,
    pub score_equipe1: Option<i32>,
    pub score_equipe2: Option<i32>,
    pub score: Option<String>,
    pub leg: Option<String>,
    pub competition: Option<String>,
    pub notes: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = matches, treat_none_as_default_value = false)]
pub(crate) struct NewMatchRow {
    pub project_id: i64,
    pub match_key: String,
    pub equipe1_nom: String,
    pub equipe1_institution: Option<String>,
    pub equipe1_genre: Option<String>,
    pub equipe2_nom: String,
    pub equipe2_institution: Option<String>,
    pub equipe2_genre: Option<String>,
    pub poule: Option<String>,
    pub semaine: Option<i32>,
    pub horaire: Option<String>,
    pub gymnase: Option<String>,
    pub est_fixe: bool,
    pub statut: String,
    pub priorite: i32,
    pub score_equipe1: Option<i32>,
    pub score_equipe2: Option<i32>,
    pub score: Option<String>,
    pub leg: Option<String>,
    pub competition: Option<String>,
    pub notes: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = venue_unavailabilities, treat_none_as_default_value = false)]
pub(crate) struct VenueUnavailabilityRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub gymnase: String,
    pub semaine: i32,
    pub heure_debut: Option<String>,
    pub heure_fin: Option<String>,
    pub terrains_occupes: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = team_unavailabilities, treat_none_as_default_value = false)]
pub(crate) struct TeamUnavailabilityRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub equipe_nom: String,
    pub equipe_genre: Option<String>,
    pub semaine: i32,
    pub heure_debut: Option<String>,
    pub heure_fin: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = institution_unavailabilities, treat_none_as_default_value = false)]
pub(crate) struct InstitutionUnavailabilityRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub institution: String,
    pub semaine: i32,
    pub heure_debut: Option<String>,
    pub heure_fin: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = earliest_times, treat_none_as_default_value = false)]
pub(crate) struct EarliestTimeRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub equipe_nom: String,
    pub equipe_genre: Option<String>,
    pub gymnase: String,
    pub horaire_min: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = presence_obligations)]
pub(crate) struct PresenceObligationRow {
    #[diesel(skip_insertion)]
    #[allow(dead_code)] // selected for symmetry with the other constraint rows
    pub id: i64,
    pub project_id: i64,
    pub gymnase: String,
    pub institution: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = non_simultaneity_groups)]
pub(crate) struct GroupRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub nom: String,
    pub membres: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ententes, treat_none_as_default_value = false)]
pub(crate) struct EntenteRow {
    #[diesel(skip_insertion)]
    #[allow(dead_code)] // selected for symmetry with the other constraint rows
    pub id: i64,
    pub project_id: i64,
    pub institution_a: String,
    pub institution_b: String,
    pub recompense: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = temporal_constraints, treat_none_as_default_value = false)]
pub(crate) struct TemporalConstraintRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub project_id: i64,
    pub equipe_a_nom: String,
    pub equipe_a_genre: Option<String>,
    pub equipe_b_nom: String,
    pub equipe_b_genre: Option<String>,
    pub sens: String,
    pub semaine: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = solve_runs, check_for_backend(diesel::sqlite::Sqlite))]
pub(crate) struct SolveRunRow {
    pub id: i64,
    pub project_id: i64,
    pub strategy: String,
    pub status: String,
    pub progress: f64,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub duration_ms: Option<i64>,
    pub base_revision: Option<i64>,
    pub summary: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = solve_runs)]
pub(crate) struct NewSolveRunRow {
    pub project_id: i64,
    pub strategy: String,
    pub status: String,
    pub progress: f64,
    pub created_at: NaiveDateTime,
}
