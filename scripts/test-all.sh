#!/usr/bin/env bash
# Every test suite: build, type check, module boundaries, server (node --test, on lowdb and on
# PostgreSQL), element (web-test-runner in Chromium), end-to-end (Playwright driving Chromium
# against the real server, standalone and in companion mode). Each run has a PostgreSQL database
# of its own (scripts/test-database.ts), dropped at the end. Runs them all even if one fails,
# prints one line per suite, then one plain closing line "N passed, N failed, N skipped, N todo"
# summing every suite (CI reads its first two numbers); exits non-zero on any failure.
#
# Sourcing this file (`source scripts/test-all.sh`) defines the counting functions without running
# anything, so they can be tried on a saved log.

passed=0
failed=0
skipped=0
todo=0
suite_lines=()

# tally NAME EXIT_CODE PASSED FAILED SKIPPED TODO [NOTE]: adds one suite to the totals.
# A runner that exits non-zero but reports no failed test (it crashed, or its totals are wrong)
# still failed: that counts as one failure.
tally() {
  local name=$1 rc=$2 p=$3 f=$4 s=$5 t=$6 note=${7:-}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    note="${note:+$note; }exit $rc with no failed test: counted as 1 failure"
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s)) todo=$((todo + t))
  suite_lines+=("$(printf '%-14s %s passed, %s failed, %s skipped, %s todo%s' "$name" "$p" "$f" "$s" "$t" "${note:+ ($note)}")")
}

# The last "# KEY N" total of a node --test (TAP) log, or nothing.
node_total() { grep -E "^# $2 [0-9]+\$" "$1" | tail -n1 | awk '{print $3}'; }

# node --test ends with "# pass", "# fail", "# cancelled", "# skipped" and "# todo" totals.
# A test that hits its timeout is reported as cancelled, not failed: it is a failure all the same.
count_node() {
  local name=$1 log=$2 rc=$3 p f c
  p=$(node_total "$log" pass)
  if [ -z "$p" ]; then tally "$name" "$rc" 0 1 0 0 "no test totals in its output: counted as 1 failure"; return; fi
  f=$(node_total "$log" fail)
  c=$(node_total "$log" cancelled)
  tally "$name" "$rc" "$p" $((${f:-0} + ${c:-0})) "$(node_total "$log" skipped)" "$(node_total "$log" todo)"
}

# Our web-test-runner reporter ends with "N passed, N failed, N skipped"; it has no todo.
count_wtr() {
  local name=$1 log=$2 rc=$3 line p f s
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
  if [ -z "$line" ]; then tally "$name" "$rc" 0 1 0 0 "no test totals in its output: counted as 1 failure"; return; fi
  read -r p f s <<<"$(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/')"
  tally "$name" "$rc" "$p" "$f" "${s:-0}" 0
}

# A step with no tests of its own (build, type check) is one test: it passed if it exited 0.
count_step() {
  local name=$1 rc=$2
  if [ "$rc" -eq 0 ]; then tally "$name" 0 1 0 0 0; else tally "$name" 0 0 1 0 0 "exit $rc"; fi
}

print_totals() {
  echo
  echo "=== totals"
  printf '%s\n' "${suite_lines[@]}"
  echo "$passed passed, $failed failed, $skipped skipped, $todo todo"
}

# run NAME COMMAND...: runs one suite, its output to the terminal and to $logdir/NAME.log; sets rc.
run() {
  local name=$1
  shift
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logdir/$name.log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || echo "=== $name failed (exit $rc)"
}

main() {
  set -uo pipefail
  cd "$(dirname "$0")/.."
  logdir=$(mktemp -d)
  TEST_DATABASE_URL=$(node --import tsx scripts/test-database.ts create) || TEST_DATABASE_URL=''
  export TEST_DATABASE_URL
  trap '[ -n "$TEST_DATABASE_URL" ] && node --import tsx scripts/test-database.ts drop "$TEST_DATABASE_URL"; rm -rf "$logdir"' EXIT
  if [ -z "$TEST_DATABASE_URL" ]; then
    count_step database 1
    echo "=== no PostgreSQL test database: is PostgreSQL running on 127.0.0.1:5432? (.ci/run starts it)"
  fi

  run build npm run build --silent
  count_step build "$rc"
  # The runners strip types without checking them: the type check is its own step (one test).
  run typecheck npm run typecheck --silent
  if grep -q "error TS" "$logdir/typecheck.log"; then count_step typecheck 1; else count_step typecheck "$rc"; fi
  # Which folder may import which (.dependency-cruiser.cjs): one test.
  run boundaries npm run lint:deps --silent
  count_step boundaries "$rc"
  run server npm run test:server --silent
  count_node server "$logdir/server.log" "$rc"
  # The same suite again with every test app on PostgreSQL (a schema each in the run's database);
  # the files that test lowdb's file itself, or no store at all, ran above.
  run server-pg npm run test:server:postgres --silent
  count_node server-pg "$logdir/server-pg.log" "$rc"
  run element npm run test:element --silent
  count_wtr element "$logdir/element.log" "$rc"
  if ls test/e2e/*.test.ts >/dev/null 2>&1; then
    run e2e npm run test:e2e --silent
    count_node e2e "$logdir/e2e.log" "$rc"
    run e2e-companion npm run test:e2e:companion --silent
    count_node e2e-companion "$logdir/e2e-companion.log" "$rc"
  fi

  print_totals
  [ "$failed" -eq 0 ]
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
