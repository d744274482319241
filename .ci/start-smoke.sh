#!/usr/bin/env bash
# `npm start` without App credentials serves Probot's setup page, whatever the machine's node
# (.ci/run calls this before anything else puts a newer node on PATH).
set -euo pipefail
port="${FERRY_SMOKE_PORT:-3917}"
log="$(mktemp)"
setsid env -u APP_ID -u PRIVATE_KEY -u PRIVATE_KEY_PATH -u WEBHOOK_SECRET PORT="$port" HOST=127.0.0.1 npm start >"$log" 2>&1 &
pid=$!
# npm and the shell it runs the script in do not pass SIGTERM on: stop the whole process group.
stop() { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/probot" 2>/dev/null | grep -q "Register GitHub App"; then
    echo "ci: npm start serves Probot's setup page (the machine's node is $(node --version))"
    exit 0
  fi
  sleep 1
done
echo "ci: npm start did not serve the setup page within 60 s; its output:"
cat "$log"
exit 1
