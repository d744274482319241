#!/usr/bin/env bash
# Runs the suite on the oldest Node that package.json's `engines` promises (its `>=` version),
# installed from the npm registry's official binaries into a cache outside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
oldest="$(npm pkg get engines.node | tr -d '"' | sed -n 's/^>=\s*//p')"
[ -n "$oldest" ] || { echo "ci: package.json engines.node is not of the form >=X.Y"; exit 1; }
case "$(uname -m)" in x86_64) cpu=x64 ;; aarch64) cpu=arm64 ;; *) echo "ci: no registry Node for $(uname -m)"; exit 1 ;; esac
cache="${FERRY_NODE_CACHE:-$HOME/.cache/ferry-ci-node}/$oldest"
node_home="$cache/node_modules/node-linux-$cpu"
if [ ! -x "$node_home/bin/node" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-$cpu@$oldest" >/dev/null
fi
echo "ci: the suite on the oldest promised Node, $("$node_home/bin/node" --version)"
# jest is started by that node directly (not through npm, which would put the bundled 24 first).
# It runs the files in one process on two cores, and Node 22 stops that process at its default
# heap limit (4 GB) near the end of the suite: it gets 8 GB.
jest() {
  PATH="$node_home/bin:$PATH" NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning --max-old-space-size=8192' \
    "$node_home/bin/node" node_modules/jest/bin/jest.js "$@"
}
if [ "$#" -gt 0 ]; then jest "$@"; exit; fi
# Every unit, handler and security test; of the end-to-end scenarios (run twice already, with the
# local and the Docker sandbox, on Node 24) the label-to-PR one, which starts the server on this
# Node. The rest would add ten minutes for what they already showed.
jest --testPathIgnorePatterns '/test/e2e/'
jest test/e2e/label-to-pr.test.ts
