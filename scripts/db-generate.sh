#!/usr/bin/env bash
# Generate the next SQL migration from the Drizzle schema. Serialised with a lock so two people
# (or helper sessions) working in one checkout never create two migrations with the same number.
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/yqt-db-generate.lock npx drizzle-kit generate --config apps/server/drizzle.config.ts "$@"
