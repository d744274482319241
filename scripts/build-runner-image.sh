#!/usr/bin/env bash
# Builds a Ferry runner image without any registry: a minimal Debian bookworm
# (debootstrap) with bash, git and CA certificates, the Node 24 binary and npm,
# and a non-root user "ferry" (uid 1000). Equivalent to docker/runner.Dockerfile.
#
#   scripts/build-runner-image.sh [tag]        (default tag: ferry-runner:bookworm)
#
# Does nothing when the tag already exists. Needs root, debootstrap, a Docker
# engine and Debian's package mirror (DEBIAN_MIRROR, default deb.debian.org).
# The Node binary is FERRY_RUNNER_NODE, else `node` on PATH if it is Node 24.
set -euo pipefail

tag="${1:-ferry-runner:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "build-runner-image: $tag exists, nothing to do"
  exit 0
fi

node_bin="${FERRY_RUNNER_NODE:-$(command -v node || true)}"
if [[ -z "$node_bin" || "$("$node_bin" -p 'process.versions.node.split(".")[0]')" != "24" ]]; then
  echo "build-runner-image: needs a Node 24 binary (set FERRY_RUNNER_NODE or put node 24 on PATH)" >&2
  exit 1
fi

rootfs="$(mktemp -d /tmp/ferry-runner.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT

echo "build-runner-image: debootstrap bookworm into $rootfs"
debootstrap --variant=minbase --include=git,ca-certificates bookworm "$rootfs" "$mirror" >/dev/null

install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
# npm is optional in the image (the repo's setup may need it); copy the host's when there is one.
npm_dir=""
for candidate in "$(npm root -g 2>/dev/null)/npm" /usr/lib/node_modules/npm /usr/local/lib/node_modules/npm; do
  if [[ -f "$candidate/bin/npm-cli.js" ]]; then npm_dir="$candidate"; break; fi
done
if [[ -n "$npm_dir" ]]; then
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
fi

echo 'ferry:x:1000:1000:Ferry runner:/home/ferry:/bin/bash' >>"$rootfs/etc/passwd"
echo 'ferry:x:1000:' >>"$rootfs/etc/group"
mkdir -p "$rootfs/home/ferry" "$rootfs/workspace"
chown 1000:1000 "$rootfs/home/ferry" "$rootfs/workspace"
# Apt caches and docs are not needed at run time.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man

echo "build-runner-image: importing $tag"
tar -C "$rootfs" -c . | docker import \
  --change 'USER 1000:1000' \
  --change 'WORKDIR /workspace' \
  --change 'ENV HOME=/home/ferry PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8' \
  --change 'CMD ["bash"]' \
  - "$tag" >/dev/null
echo "build-runner-image: built $tag"
