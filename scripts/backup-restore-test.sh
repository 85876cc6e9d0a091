#!/usr/bin/env bash
# Backup and restore drill (issue 12): dumps a Smittespor database with pg_dump, restores the dump
# into a fresh database and checks the restored audit log with `npm run audit:verify`.
#
#   SOURCE_URL=postgres://owner@host:5432/smittespor scripts/backup-restore-test.sh
#
# SOURCE_URL  the database to back up (connect as the table owner).
# TARGET_DB   name of the fresh database to restore into (default: <source>_restore_<time>); it is
#             created on the same server and dropped afterwards unless KEEP_RESTORE=1.
# DUMP_FILE   where the dump goes (default: a temp file, removed afterwards).
# Exit code 0: dump, restore and audit verification all passed.
set -euo pipefail

: "${SOURCE_URL:?set SOURCE_URL to the database to back up}"
cd "$(dirname "$0")/.."

source_db=$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$SOURCE_URL")
target_db=${TARGET_DB:-${source_db}_restore_$(date +%s)}
with_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SOURCE_URL" "$1"; }
admin_url=$(with_db postgres)
target_url=$(with_db "$target_db")
dump=${DUMP_FILE:-$(mktemp --suffix=.dump)}

cleanup() {
  [ -z "${DUMP_FILE:-}" ] && rm -f "$dump"
  if [ "${KEEP_RESTORE:-0}" != 1 ]; then
    psql "$admin_url" -qAtc "drop database if exists \"$target_db\" with (force)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "1/4 pg_dump $source_db → $dump"
pg_dump --format=custom --no-password --file="$dump" "$SOURCE_URL"

echo "2/4 create database $target_db"
psql "$admin_url" -qAtc "create database \"$target_db\""

echo "3/4 pg_restore into $target_db"
pg_restore --no-password --exit-on-error --dbname="$target_url" "$dump"

echo "4/4 audit:verify on the restored database"
DATABASE_URL="$target_url" npx tsx scripts/verify-audit.ts

rows_source=$(psql "$SOURCE_URL" -qAtc 'select count(*) from audit_log')
rows_target=$(psql "$target_url" -qAtc 'select count(*) from audit_log')
if [ "$rows_source" != "$rows_target" ]; then
  echo "audit_log rows differ: source $rows_source, restored $rows_target" >&2
  exit 1
fi
echo "Restore OK: $rows_target audit rows verified in $target_db"
