#!/usr/bin/env bash
# Runs the performance benchmarks (tests in the "Performance" category) on SQLite and on a throw-away
# PostgreSQL cluster, then prints this run's table from docs/benchmarks/latest.md.
# Each benchmark class runs alone in its own `dotnet test` after one build: xunit runs classes in parallel,
# and a figure measured beside another benchmark says more about the neighbour than about the code.
# PDF figures go to docs/benchmarks/pdf.md and sample pages to docs/screenshots/pdf-*.png.
# The SQLite data (300,000 clients) is cached under /tmp/crmblazor-bench; the first run seeds it (~1 min).
# Arguments, if any, narrow the run to the classes whose names contain one of them (bench.sh ClientList).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Every class that carries [Trait("Category", "Performance")], read from the source.
benchmark_classes() {
    grep -rl --include='*.cs' 'Trait("Category", "Performance")' CrmBlazor.Tests | sort | xargs awk '
        /Trait\("Category", "Performance"\)/ { pending = 1 }
        pending && match($0, /class [A-Za-z0-9_]+/) { print substr($0, RSTART + 6, RLENGTH - 6); pending = 0 }'
}

classes=()
for class in $(benchmark_classes); do
    if [ $# -eq 0 ]; then classes+=("$class"); continue; fi
    for wanted in "$@"; do [[ "$class" == *"$wanted"* ]] && { classes+=("$class"); break; }; done
done
if [ ${#classes[@]} -eq 0 ]; then
    echo "No benchmark class found${*:+ for: $*}." >&2
    exit 1
fi

apt_install postgresql-15 chromium-headless-shell fonts-dejavu-core fonts-liberation poppler-utils python3-aiosmtpd nginx
export CRM_TEST_CHROMIUM=/usr/bin/chromium-headless-shell
# dotnet-gcdump (live heap per tab in LivePagesBenchmark) is a local tool of the repository.
dotnet tool restore >/dev/null
start_postgres
trap stop_postgres EXIT

results=docs/benchmarks/latest.md
before=$( [ -f "$results" ] && wc -l < "$results" || echo 0 )
# One "## Run" table in latest.md for all the classes below (each is its own process).
CRM_BENCH_RUN="$(date -u '+%Y-%m-%d %H:%M') UTC"
export CRM_BENCH_RUN

dotnet build CrmBlazor.Tests -c Release || exit 1
failed=()
for class in "${classes[@]}"; do
    echo
    echo "=== $class ==="
    dotnet test CrmBlazor.Tests -c Release --no-build --filter "Category=Performance&FullyQualifiedName~.$class." \
        --logger "console;verbosity=normal" || failed+=("$class")
done

echo
if [ -f "$results" ]; then
    tail -n +"$((before + 1))" "$results"
else
    echo "No results were written to $results."
fi
echo
echo "Ran ${#classes[@]} benchmark classes one at a time."
if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed: ${failed[*]}" >&2
    exit 1
fi
