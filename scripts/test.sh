#!/usr/bin/env bash
# Runs every test (not the benchmarks): installs Chromium, PostgreSQL, an SMTP server and nginx if missing, starts a
# throw-away PostgreSQL cluster, runs the suite, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt_install chromium-headless-shell postgresql-15 fonts-dejavu-core fonts-liberation python3-aiosmtpd nginx
export CRM_TEST_CHROMIUM=/usr/bin/chromium-headless-shell
start_postgres
trap stop_postgres EXIT

results=$(mktemp -d /tmp/crm-results.XXXXXX)
dotnet test CrmBlazor.sln -c Release --filter "Category!=Performance" \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    executed=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
else
    passed=0 failed=0 executed=0
fi
rm -rf "$results"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ] || [ "${executed:-0}" -eq 0 ]; then
    exit 1
fi
