#!/usr/bin/env bash
# Runs the performance benchmarks (tests in the "Performance" category) on SQLite and on a throw-away
# PostgreSQL cluster, then prints this run's table from docs/benchmarks/latest.md.
# PDF figures go to docs/benchmarks/pdf.md and sample pages to docs/screenshots/pdf-*.png.
# The SQLite data (300,000 clients) is cached under /tmp/crmblazor-bench; the first run seeds it (~1 min).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt_install postgresql-15 chromium-headless-shell fonts-dejavu-core fonts-liberation poppler-utils python3-aiosmtpd nginx
export CRM_TEST_CHROMIUM=/usr/bin/chromium-headless-shell
start_postgres
trap stop_postgres EXIT

results=docs/benchmarks/latest.md
before=$( [ -f "$results" ] && wc -l < "$results" || echo 0 )
dotnet test CrmBlazor.Tests -c Release --filter "Category=Performance" --logger "console;verbosity=normal"
status=$?

echo
if [ -f "$results" ]; then
    tail -n +"$((before + 1))" "$results"
else
    echo "No results were written to $results."
fi
exit "$status"
