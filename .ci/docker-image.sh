#!/usr/bin/env bash
# The deployment image as the README runs it: it builds, becomes healthy (HEALTHCHECK on /ping),
# has `ferry` on PATH, and stops on `docker stop` by itself (exit 0, well within the grace time).
# Docker Hub may be out of reach: then the runner image (Debian with Node 24) is the base.
set -euo pipefail
cd "$(dirname "$0")/.."
base="node:24-bookworm-slim"
docker image inspect "$base" >/dev/null 2>&1 || docker pull -q "$base" >/dev/null 2>&1 || base="${FERRY_TEST_IMAGE:-ferry-runner:bookworm}"
cafile="$(npm config get cafile 2>/dev/null || true)"
if [ -n "$cafile" ] && [ "$cafile" != null ] && [ -f "$cafile" ]; then cp "$cafile" npm-ca.crt; fi
name="ferry-ci-image-$$"
key="$(mktemp)"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; rm -f npm-ca.crt "$key"; }
trap cleanup EXIT
echo "ci: building the deployment image on $base"
docker build -q --build-arg NODE_IMAGE="$base" -t ferry:ci . >/dev/null
openssl genrsa -out "$key" 2048 2>/dev/null && chmod 644 "$key"
docker run -d --name "$name" -e APP_ID=1 -e WEBHOOK_SECRET=ci -e PRIVATE_KEY_PATH=/run/secrets/ferry.pem \
  -v "$key:/run/secrets/ferry.pem:ro" ferry:ci >/dev/null
status=starting
for _ in $(seq 1 45); do
  status="$(docker inspect -f '{{.State.Health.Status}}' "$name")"
  [ "$status" = starting ] || break
  sleep 2
done
if [ "$status" != healthy ]; then echo "ci: the image is $status, not healthy"; docker logs "$name" | tail -20; exit 1; fi
docker exec "$name" ferry --help 2>&1 | grep -q "Usage: ferry" || { echo "ci: ferry is not on PATH in the image"; exit 1; }
started=$(date +%s)
docker stop -t 10 "$name" >/dev/null
took=$(( $(date +%s) - started ))
code="$(docker inspect -f '{{.State.ExitCode}}' "$name")"
if [ "$code" != 0 ] || [ "$took" -ge 10 ]; then echo "ci: docker stop took ${took}s, exit code $code (expected 0, by itself)"; exit 1; fi
echo "ci: the deployment image is healthy, has ferry on PATH, and stopped in ${took}s with exit 0"
