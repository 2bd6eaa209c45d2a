//! Diesel's view of `migrations/` (written by hand, kept in step with the SQL; the tests run the
//! migrations and every query against them).

diesel::table! {
    projects (id) {
        id -> BigInt,
        nom -> Text,
        sport -> Text,
        config -> Nullable<Text>,
        nb_semaines -> Integer,
        semaine_min -> Integer,
        semaines_banalisees -> Text,
        calendrier_actif -> Bool,
        date_debut -> Nullable<Date>,
        jour_match -> Nullable<Text>,
        settings -> Text,
        revision -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    teams (id) {
        id -> BigInt,
        project_id -> BigInt,
        position -> Integer,
        nom -> Text,
        genre -> Nullable<Text>,
        institution -> Text,
        numero_equipe -> Nullable<Integer>,
        poule -> Nullable<Text>,
        horaire_prefere -> Nullable<Text>,
        lieux_preferes -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    venues (id) {
        id -> BigInt,
        project_id -> BigInt,
        position -> Integer,
        nom -> Text,
        capacite -> Integer,
        horaires -> Text,
        niveau -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pools (id) {
        id -> BigInt,
        project_id -> BigInt,
        code -> Text,
        kind -> Text,
    }
}

diesel::table! {
    matches (id) {
        id -> BigInt,
        project_id -> BigInt,
        match_key -> Text,
        equipe1_nom -> Text,
        equipe1_institution -> Nullable<Text>,
        equipe1_genre -> Nullable<Text>,
        equipe2_nom -> Text,
        equipe2_institution -> Nullable<Text>,
        equipe2_genre -> Nullable<Text>,
        poule -> Nullable<Text>,
        semaine -> Nullable<Integer>,
        horaire -> Nullable<Text>,
        gymnase -> Nullable<Text>,
        est_fixe -> Bool,
        statut -> Text,
        priorite -> Integer,
        score_equipe1 -> Nullable<Integer>,
        score_equipe2 -> Nullable<Integer>,
        score -> Nullable<Text>,
        leg -> Nullable<Text>,
        competition -> Nullable<Text>,
        notes -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    venue_unavailabilities (id) {
        id -> BigInt,
        project_id -> BigInt,
        gymnase -> Text,
        semaine -> Integer,
        heure_debut -> Nullable<Text>,
        heure_fin -> Nullable<Text>,
        terrains_occupes -> Nullable<Integer>,
    }
}

diesel::table! {
    team_unavailabilities (id) {
        id -> BigInt,
        project_id -> BigInt,
        equipe_nom -> Text,
        equipe_genre -> Nullable<Text>,
        semaine -> Integer,
        heure_debut -> Nullable<Text>,
        heure_fin -> Nullable<Text>,
    }
}

diesel::table! {
    institution_unavailabilities (id) {
        id -> BigInt,
        project_id -> BigInt,
        institution -> Text,
        semaine -> Integer,
        heure_debut -> Nullable<Text>,
        heure_fin -> Nullable<Text>,
    }
}

diesel::table! {
    earliest_times (id) {
        id -> BigInt,
        project_id -> BigInt,
        equipe_nom -> Text,
        equipe_genre -> Nullable<Text>,
        gymnase -> Text,
        horaire_min -> Text,
    }
}

diesel::table! {
    presence_obligations (id) {
        id -> BigInt,
        project_id -> BigInt,
        gymnase -> Text,
        institution -> Text,
    }
}

diesel::table! {
    non_simultaneity_groups (id) {
        id -> BigInt,
        project_id -> BigInt,
        nom -> Text,
        membres -> Text,
    }
}

diesel::table! {
    ententes (id) {
        id -> BigInt,
        project_id -> BigInt,
        institution_a -> Text,
        institution_b -> Text,
        recompense -> Nullable<BigInt>,
    }
}

diesel::table! {
    temporal_constraints (id) {
        id -> BigInt,
        project_id -> BigInt,
        equipe_a_nom -> Text,
        equipe_a_genre -> Nullable<Text>,
        equipe_b_nom -> Text,
        equipe_b_genre -> Nullable<Text>,
        sens -> Text,
        semaine -> Integer,
    }
}

diesel::table! {
    solve_runs (id) {
        id -> BigInt,
        project_id -> BigInt,
        strategy -> Text,
        status -> Text,
        progress -> Double,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        duration_ms -> Nullable<BigInt>,
        base_revision -> Nullable<BigInt>,
        summary -> Nullable<Text>,
        error -> Nullable<Text>,
    }
}

diesel::joinable!(teams -> projects (project_id));
diesel::joinable!(venues -> projects (project_id));
diesel::joinable!(pools -> projects (project_id));
diesel::joinable!(matches -> projects (project_id));
diesel::joinable!(solve_runs -> projects (project_id));

diesel::allow_tables_to_appear_in_same_query!(
    projects,
    teams,
    venues,
    pools,
    matches,
    venue_unavailabilities,
    team_unavailabilities,
    institution_unavailabilities,
    earliest_times,
    presence_obligations,
    non_simultaneity_groups,
    ententes,
    temporal_constraints,
    solve_runs,
);
