#!/usr/bin/env bash
# Builds the app's image from the Dockerfile with podman, on a machine with neither a Docker engine nor Docker Hub
# (as this project's CI): the base images are made here from Debian's packages (debootstrap), a JDK 17 and a JRE 17
# with the certificate authorities this machine trusts, and a busybox for the chart's connection test.
#   scripts/podman-image.sh              # tags localhost/redcap-token-governance:<the chart's appVersion>
#   BUILD_IMAGE=… RUNTIME_IMAGE=… scripts/podman-image.sh   # your own base images instead (nothing is debootstrapped)
# Needs root (debootstrap); installs podman, runc and debootstrap from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="${CONTAINERS_CONF:-$PWD/scripts/podman/containers.conf}"

SUITE=bookworm
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
JRE_BASE="localhost/tokengov-base-jre:$SUITE"
JDK_BASE="localhost/tokengov-base-jdk:$SUITE"
BUSYBOX="localhost/tokengov-busybox:$SUITE"
VERSION="$(sed -n 's/^appVersion: "\(.*\)"$/\1/p' helm/Chart.yaml)"
IMAGE="${IMAGE:-localhost/redcap-token-governance:$VERSION}"
PATH_ENV='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "Installing podman, runc and debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q podman runc debootstrap \
    || { apt-get update -q && apt-get install -y -q podman runc debootstrap; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The JRE: Debian's minimal system and OpenJDK's headless runtime, plus what this machine trusts beyond Debian's
# authorities (a TLS-inspecting proxy's, here): the JDK image inherits them, and Maven Central is reached through it.
runtime_base() {
  podman image exists "$JRE_BASE" && return
  echo "Making $JRE_BASE with debootstrap"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$work/rootfs" "$MIRROR" \
    >"$work/debootstrap.log" || { tail -20 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" -c . \
    | podman import --change "$PATH_ENV" --change 'CMD ["/bin/bash"]' - "$JRE_BASE-plain" >/dev/null
  rm -rf "$work/rootfs"
  mkdir -p "$work/ca"
  cp /usr/local/share/ca-certificates/*.crt "$work/ca/" 2>/dev/null || true
  printf 'FROM %s\nCOPY ca/ /usr/local/share/ca-certificates/\nRUN update-ca-certificates\n' "$JRE_BASE-plain" \
    | podman build -q --network host -t "$JRE_BASE" -f - "$work" >/dev/null
  podman rmi "$JRE_BASE-plain" >/dev/null
}

build_base() {
  podman image exists "$JDK_BASE" && return
  echo "Making $JDK_BASE"
  printf 'FROM %s\nRUN %s && %s && %s\n' "$JRE_BASE" 'apt-get update -q' \
    'apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless' 'rm -rf /var/lib/apt/lists/*' \
    | podman build -q --network host -t "$JDK_BASE" -f - "$work" >/dev/null
}

# The chart's connection test runs wget (tests.image); Debian's static busybox is all it needs.
busybox() {
  podman image exists "$BUSYBOX" && return
  echo "Making $BUSYBOX"
  (cd "$work" && { apt-get download -q busybox-static \
    || { apt-get update -q && apt-get download -q busybox-static; }; } >/dev/null)
  dpkg-deb -x "$work"/busybox-static_*.deb "$work/busybox"
  mkdir -p "$work/busybox/usr/bin"
  for tool in sh wget sleep; do ln -s /bin/busybox "$work/busybox/usr/bin/$tool"; done
  tar -C "$work/busybox" -c . | podman import --change "$PATH_ENV" - "$BUSYBOX" >/dev/null
}

if [ -z "${BUILD_IMAGE:-}" ] || [ -z "${RUNTIME_IMAGE:-}" ]; then
  runtime_base
  build_base
  BUILD_IMAGE="$JDK_BASE"
  RUNTIME_IMAGE="$JRE_BASE"
fi
busybox

echo "Building $IMAGE"
podman build --network host --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
  -t "$IMAGE" .
# The build stage (1.3 GB with its Maven repository) and the previous build's image are left untagged: repeated builds
# would fill the disk.
podman image prune -f >/dev/null
