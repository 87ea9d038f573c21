#!/usr/bin/env bash
# Runs every SalesOps test (unit, bUnit, integration on Kestrel + SQLite, Playwright E2E in Chromium) and ends
# with one line "N passed, N failed, N skipped". Installs what the tests need and is missing.
set -uo pipefail
cd "$(dirname "$0")"

chromium="${SALESOPS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium for the E2E tests (apt-get install -y chromium)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
      echo "Could not install Chromium; install it with: apt-get install -y chromium" >&2; exit 1; }
  else
    echo "The E2E tests need Chromium at $chromium. Install it with: sudo apt-get install -y chromium" >&2
    echo "(or point SALESOPS_CHROMIUM at another Chromium binary)" >&2
    exit 1
  fi
fi
export SALESOPS_CHROMIUM="$chromium"

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet test SalesOps.Tests --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "No test results were written (the build or the test host failed)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx")
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
total=$(count total); executed=$(count executed); passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(( total - executed ))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
