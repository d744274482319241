# Sourced by .ci/run: makes sure a Docker engine answers and the runner image exists, so the
# sandbox tests run instead of skipping. Installs Debian's docker.io and debootstrap when
# missing, starts dockerd in the background and stops that dockerd (by pid) on exit.

ci_dockerd_pid=""

ci_stop_dockerd() {
  if [ -n "$ci_dockerd_pid" ]; then
    echo "ci: stopping dockerd (pid $ci_dockerd_pid)"
    kill "$ci_dockerd_pid" 2>/dev/null || true
    wait "$ci_dockerd_pid" 2>/dev/null || true
  fi
}

ci_apt_install() {
  echo "ci: installing $* from Debian"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

ci_ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "ci: no Docker engine answers and we are not root: the Docker sandbox tests will be skipped"
    return 1
  fi
  command -v dockerd >/dev/null || ci_apt_install docker.io
  local log="${TMPDIR:-/tmp}/ferry-ci-dockerd.log"
  echo "ci: starting dockerd (log: $log)"
  dockerd >"$log" 2>&1 &
  ci_dockerd_pid=$!
  trap ci_stop_dockerd EXIT
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ci: dockerd did not answer within 60 s; the last lines of its log:"
  tail -20 "$log"
  return 1
}

ci_ensure_runner_image() {
  command -v debootstrap >/dev/null || ci_apt_install debootstrap
  # The image gets the Node 24 that `npm ci` installed beside Ferry, whatever the machine's node is.
  FERRY_RUNNER_NODE="$(npm exec --offline -- node -p process.execPath)" bash scripts/build-runner-image.sh "${FERRY_TEST_IMAGE:-ferry-runner:bookworm}"
}
