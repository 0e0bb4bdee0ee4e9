#!/usr/bin/env bash
# Starts CrmBlazor at http://localhost:5080 on a SQLite file (.data/crm.db), with demo data on the first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
# Everything the app needs: Chromium prints the PDFs (DOC-5), with these fonts.
apt_install chromium-headless-shell fonts-dejavu-core fonts-liberation
export Pdf__ChromiumPath="${Pdf__ChromiumPath:-/usr/bin/chromium-headless-shell}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project CrmBlazor -c Release -- --urls "${CRM_URLS:-http://localhost:5080}"
