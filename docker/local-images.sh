#!/bin/sh
# Builds the API and dashboard images without Docker and without pulling a registry image: a Debian bookworm base
# made here by mmdebstrap from Debian packages, Node from the repository's pinned `node` dev dependency (the npm
# registry's node@24), npm from the npm registry; then docker/api.Dockerfile and docker/dashboard.Dockerfile built on
# it by buildah, and their sizes printed. How the sizes in docker/README.md were measured.
#
#   sudo apt-get install -y buildah mmdebstrap   # Debian 12 or later
#   npm ci                                       # brings node_modules/node/bin/node (Node 24)
#   sudo sh docker/local-images.sh
#
# Images go to buildah's local storage (vfs driver: works where overlay mounts are not allowed), tagged
# localhost/node:24-bookworm-slim, localhost/observatoire/api:local and localhost/observatoire/dashboard:local.
# The base stands in for the registry's node:24-bookworm-slim (same Debian release, apt cleaning and `node` user
# uid 1000; it has no yarn and no corepack). Run them with `buildah from` + `buildah run` (see docker/README.md).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"
build() { buildah bud --isolation chroot --network host "$@"; }

node_bin="$root/node_modules/node/bin/node"
case "$("$node_bin" --version 2>/dev/null)" in
  v24.*) ;;
  *) echo "Error: $node_bin is not Node 24: run npm ci first." >&2; exit 1 ;;
esac
npm_version=$(node -p "require('$root/package.json').packageManager.split('@')[1]")

# 1. Debian bookworm, minimal, as the registry's slim images are cut: no manuals, docs (copyrights kept) or
#    translations; apt's caches and downloaded packages removed after each use (docker-clean).
clean='rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true'
mmdebstrap --variant=minbase --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --aptopt='APT::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook="printf '%s\n' 'DPkg::Post-Invoke { \"$clean\"; };' 'APT::Update::Post-Invoke { \"$clean\"; };' 'Dir::Cache::pkgcache \"\";' 'Dir::Cache::srcpkgcache \"\";' > \"\$1/etc/apt/apt.conf.d/docker-clean\"" \
  --customize-hook='echo "Acquire::Languages \"none\";" > "$1/etc/apt/apt.conf.d/docker-no-languages"' \
  --customize-hook='rm -f "$1"/var/cache/apt/*.bin' \
  --customize-hook='chroot "$1" groupadd --gid 1000 node' \
  --customize-hook='chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
  bookworm "$work/bookworm-slim.tar"

# 2. Node and npm on it. A machine whose TLS traffic goes through an inspecting proxy names its CA bundle in
#    NODE_EXTRA_CA_CERTS: the base carries it so that npm inside the builds reaches the registry.
cp "$node_bin" "$work/node"
(cd "$work" && npm pack --silent "npm@$npm_version" >/dev/null && mkdir npm && tar -xzf "npm-$npm_version.tgz" -C npm)
ca_line=''
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$NODE_EXTRA_CA_CERTS" ]; then
  cp "$NODE_EXTRA_CA_CERTS" "$work/extra-ca.crt"
  ca_line='COPY extra-ca.crt /etc/ssl/certs/extra-ca.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/extra-ca.crt'
fi
cat > "$work/Containerfile" <<EOF
FROM scratch
ADD bookworm-slim.tar /
COPY node /usr/local/bin/node
COPY npm/package /usr/local/lib/node_modules/npm
$ca_line
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
CMD ["node"]
EOF
build -f "$work/Containerfile" -t localhost/node:24-bookworm-slim "$work"

# 3. The images, from the repository as committed (the working tree's untracked files stay out).
git -C "$root" archive HEAD | tar -x -C "$work" --one-top-level=context
for image in api dashboard; do
  build -f "$work/context/docker/$image.Dockerfile" --build-arg NODE_IMAGE=localhost/node:24-bookworm-slim \
    -t "localhost/observatoire/$image:local" "$work/context"
done
buildah images
