#!/usr/bin/env bash
# Every test suite: server (node --test), element (web-test-runner in Chromium), end-to-end
# (Playwright driving Chromium against the real server). Runs them all even if one fails, then
# prints one plain closing line "N passed, N failed" summing every suite; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT
status=0
passed=0
failed=0

# node --test ends with "# pass N" / "# fail N".
count_node() {
  local log=$1 p f
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  if [ -z "$p" ]; then p=0; f=1; echo "(no test totals found in $log: counted as a failure)"; fi
  passed=$((passed + p)); failed=$((failed + ${f:-0}))
}

# our web-test-runner reporter ends with "N passed, N failed".
count_wtr() {
  local log=$1 line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
  if [ -z "$line" ]; then passed=$passed; failed=$((failed + 1)); echo "(no element test totals found: counted as a failure)"; return; fi
  passed=$((passed + $(echo "$line" | awk '{print $1}')))
  failed=$((failed + $(echo "$line" | awk '{print $3}')))
}

run() {
  local name=$1; shift
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logdir/$name.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "=== $name failed (exit $rc)"; status=1; }
}

run build npm run build --silent
# The runners strip types without checking them: the type check is its own step (one test).
run typecheck npm run typecheck --silent
if grep -q "error TS" "$logdir/typecheck.log"; then failed=$((failed + 1)); else passed=$((passed + 1)); fi
run server npm run test:server --silent
count_node "$logdir/server.log"
run element npm run test:element --silent
count_wtr "$logdir/element.log"
if ls test/e2e/*.test.ts >/dev/null 2>&1; then
  run e2e npm run test:e2e --silent
  count_node "$logdir/e2e.log"
fi

[ "$failed" -eq 0 ] || status=1
echo
echo "$passed passed, $failed failed"
exit $status
