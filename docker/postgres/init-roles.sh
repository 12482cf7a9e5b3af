#!/usr/bin/env bash
# Create Fenliu's database, login roles and schemas. Idempotent: safe to run
# again at any time (it also resets the passwords and tightens the privileges).
#
# One database (FENLIU_DB, default fenliu); five login roles, intake,
# classification, routing, feedback and reporting; each role owns the schema of
# the same name, has it as its search_path, and can touch no other schema.
#
# Connection (a superuser), as usual for psql: PGHOST, PGPORT, PGUSER,
# PGPASSWORD, PGDATABASE. PGDATABASE is only where the script connects to
# create FENLIU_DB (default postgres). Two ways it is run:
#   - in the official postgres image, from /docker-entrypoint-initdb.d/: as the
#     postgres OS user against the socket-only temporary server; PGUSER then
#     defaults to POSTGRES_USER, and POSTGRES_DB may already be FENLIU_DB.
#   - by scripts/up against a private cluster:
#       PGHOST=127.0.0.1 PGPORT=<port> PGUSER=postgres docker/postgres/init-roles.sh
#
# Passwords: FENLIU_DB_PASSWORD_<ROLE> (e.g. FENLIU_DB_PASSWORD_INTAKE), else
# FENLIU_DB_PASSWORD, else the role's own name. That last default is for local
# development only: never deploy with it.

# The body runs in a subshell function so that its shell options and exits
# stay its own even when the postgres image *sources* the file (it does so
# when the mounted file has lost its executable bit).
fenliu_init_roles() (
    set -euo pipefail

    local db="${FENLIU_DB:-fenliu}"
    local roles=(intake classification routing feedback reporting)

    # The postgres image exports POSTGRES_USER but not PGUSER.
    export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"

    local maintenance_db="${PGDATABASE:-postgres}"
    if [[ "$maintenance_db" == "$db" ]]; then
        maintenance_db=postgres
    fi

    # --no-password: fail instead of prompting when a password is needed.
    local psql=(psql -X -v ON_ERROR_STOP=1 --no-password --quiet)

    # SQL string literal: single quotes doubled (standard_conforming_strings is
    # on, so backslashes are literal).
    sql_literal() {
        local s="$1"
        printf "'%s'" "${s//\'/\'\'}"
    }

    # 1. Cluster level: the database and the five login roles.
    #    CREATE DATABASE cannot run inside a DO block, hence \gexec.
    #    Passwords go through stdin, not the command line, so that they never
    #    show in the process list.
    local sql role var pw
    sql="$(cat <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = :'db')
\gexec
SQL
)"
    for role in "${roles[@]}"; do
        var="FENLIU_DB_PASSWORD_${role^^}"
        if [[ -n "${!var:-}" ]]; then
            pw="${!var}"
        elif [[ -n "${FENLIU_DB_PASSWORD:-}" ]]; then
            pw="$FENLIU_DB_PASSWORD"
        else
            pw="$role"
            echo "init-roles: role ${role}: no ${var} or FENLIU_DB_PASSWORD, using the development default password (the role's name)" >&2
        fi
        sql+="
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} LOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created concurrently by another run
END
\$\$;
ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    PASSWORD $(sql_literal "$pw");
ALTER ROLE ${role} SET search_path = ${role};
"
    done
    "${psql[@]}" --dbname="$maintenance_db" -v db="$db" <<<"$sql"

    # 2. Inside the database: lock out PUBLIC, then one schema per role.
    sql="
SET client_min_messages = warning;
REVOKE ALL ON DATABASE :\"db\" FROM PUBLIC;
DO \$\$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = 'public') THEN
        REVOKE CREATE, USAGE ON SCHEMA public FROM PUBLIC;
    END IF;
END
\$\$;
"
    # Extensions live in a schema of their own that every role may use but none owns: pg_trgm
    # backs intake's text search (ListCalls) with trigram indexes. Creating an extension needs the
    # superuser this script runs as; the services' migrations only use it.
    sql+="
CREATE SCHEMA IF NOT EXISTS extensions;
REVOKE ALL ON SCHEMA extensions FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
"
    for role in "${roles[@]}"; do
        sql+="
GRANT USAGE ON SCHEMA extensions TO ${role};
GRANT CONNECT ON DATABASE :\"db\" TO ${role};
CREATE SCHEMA IF NOT EXISTS ${role} AUTHORIZATION ${role};
ALTER SCHEMA ${role} OWNER TO ${role};
REVOKE ALL ON SCHEMA ${role} FROM PUBLIC;
"
    done
    "${psql[@]}" --dbname="$db" -v db="$db" <<<"$sql"

    echo "init-roles: database ${db}: roles and schemas ${roles[*]} are in place" >&2
)

fenliu_init_roles
