#!/usr/bin/env bash
# Set-up on a fresh machine that ships only Node 20 and npm: install Node 24 and pnpm 10 from the
# npm registry (the `node` package carries the Node binary), then the workspace's dependencies.
set -euo pipefail
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  echo "setup: Node $(node -v 2>/dev/null || echo none) found; installing Node 24 from the npm registry"
  npm install -g --force --allow-scripts=node node@24 >/dev/null
  hash -r
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v | cut -d. -f1)" != "10" ]; then
  echo "setup: installing pnpm 10"
  npm install -g --force pnpm@10 >/dev/null
  hash -r
fi
echo "setup: node $(node -v), pnpm $(pnpm -v)"
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile=false
