#!/usr/bin/env bash
# Property-based API test (issue #6): runs Schemathesis with every check against every operation of
# /openapi.yaml on a fresh `zeropark demo` (temporary database, free loopback port), authenticated
# as the admin, with a fixed seed and bounded so that the run takes at most about 4 minutes on
# 2 cores. Prints Schemathesis's summary, stops the server with SIGTERM and exits with
# Schemathesis's exit code. Settings beyond the command line: scripts/schemathesis.toml.
#
# Usage: scripts/schemathesis_run.sh PATH_TO_ZEROPARK_BINARY
# One pass of every phase (examples, coverage, fuzzing, stateful) with at most ST_MAX_EXAMPLES cases
# per operation; a stuck run is interrupted (SIGINT, Schemathesis still prints its summary) after
# ST_TIME_LIMIT seconds.
# Environment: ST_MAX_EXAMPLES (default 50), ST_SEED (default 6), ST_TIME_LIMIT (default 220),
#              ST_MAX_TIME (optional: Schemathesis's --max-time; fuzzing/stateful then repeat until it is spent),
#              ST_REPORT_DIR (default: a temporary folder; JUnit and NDJSON reports land there).
set -uo pipefail

SCHEMATHESIS_VERSION=4.32.5
BINARY=${1:?usage: scripts/schemathesis_run.sh PATH_TO_ZEROPARK_BINARY}
BINARY=$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-50}
SEED=${ST_SEED:-6}
TIME_LIMIT=${ST_TIME_LIMIT:-220}
EXTRA=()
[ -n "${ST_MAX_TIME:-}" ] && EXTRA+=(--max-time "$ST_MAX_TIME")

installed=$(python3 -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null || true)
if [ "$installed" != "$SCHEMATHESIS_VERSION" ]; then
    echo "installing schemathesis==$SCHEMATHESIS_VERSION (found: ${installed:-none})"
    python3 -m pip install -q "schemathesis==$SCHEMATHESIS_VERSION" || exit 2
fi

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/zeropark-schemathesis-XXXXXX")
REPORT_DIR=${ST_REPORT_DIR:-$WORKDIR/report}
DB=$WORKDIR/demo.sqlite
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
SERVER_PID=

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null
        echo "server stopped (SIGTERM)"
    fi
    SERVER_PID=
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

"$BINARY" demo --db "$DB" --port "$PORT" --examples "$ROOT/examples" --log-level warning >"$WORKDIR/server.out" 2>"$WORKDIR/server.log" &
SERVER_PID=$!
for _ in $(seq 1 300); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "zeropark demo exited; log:"; cat "$WORKDIR/server.log"; exit 2; }
    sleep 0.2
done
curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" || { echo "zeropark demo did not answer $BASE/healthz"; exit 2; }

KEY=$("$BINARY" users api-key admin --db "$DB" --name schemathesis | tail -n 1)
case "$KEY" in zp_*) ;; *) echo "could not create an admin API key: $KEY"; exit 2 ;; esac
echo "zeropark demo on $BASE (database $DB); schemathesis $SCHEMATHESIS_VERSION, seed $SEED, max examples $MAX_EXAMPLES, time limit ${TIME_LIMIT}s"

started=$(date +%s)
timeout --signal=INT --kill-after=20 "$TIME_LIMIT" \
    python3 -m schemathesis.cli --config-file "$ROOT/scripts/schemathesis.toml" run "$BASE/openapi.yaml" \
    --checks all \
    --header "Authorization: Bearer $KEY" \
    --workers 1 \
    --seed "$SEED" \
    --max-examples "$MAX_EXAMPLES" \
    --request-timeout 10 \
    --continue-on-failure \
    --suppress-health-check all \
    --no-color \
    --report junit,ndjson --report-dir "$REPORT_DIR" \
    "${EXTRA[@]}"
status=$?
echo "schemathesis finished in $(( $(date +%s) - started ))s with exit code $status; reports in $REPORT_DIR; server log $WORKDIR/server.log"
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server is no longer running"
    [ "$status" -eq 0 ] && status=1
fi
stop_server
exit "$status"
