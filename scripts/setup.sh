#!/usr/bin/env bash
# Set-up on a fresh machine that ships only Node 20 and npm: install Node 24 and pnpm 10 from the
# npm registry (the `node` package carries the Node binary), then the workspace's dependencies.
set -euo pipefail
# The global prefix that holds the `node` on PATH (/usr on Debian). Not `npm prefix -g`: once the
# `node` package has replaced /usr/bin/node with a link into its own folder, npm derives its default
# global prefix from the running binary's real path, and `npm install -g` would land outside PATH.
prefix=$(dirname "$(dirname "$(command -v node)")")
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  echo "setup: Node $(node -v 2>/dev/null || echo none) found; installing Node 24 from the npm registry"
  # No --allow-scripts: the flag reaches the `node` package's own nested npm install (through
  # npm_config_allow_scripts), which refuses it there ("not allowed in project-scoped installs").
  npm install -g --force --prefix "$prefix" node@24 >/dev/null 2>&1 || npm install -g --force --prefix "$prefix" node@24
  hash -r
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 22 ]; then
    echo "setup: Node 24 did not install (node -v: $(node -v)); install Node >= 22 and re-run" >&2
    exit 1
  fi
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v | cut -d. -f1)" != "10" ]; then
  echo "setup: installing pnpm 10 into $prefix"
  npm install -g --force --prefix "$prefix" pnpm@10 >/dev/null
  hash -r
fi
if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: pnpm is not on PATH after installing it into $prefix/bin; add that folder to PATH" >&2
  exit 1
fi
echo "setup: node $(node -v), pnpm $(pnpm -v)"
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile=false
