#!/usr/bin/env bash
# The pre-commit hook for real: a fresh git repository whose commits go
# through `pre-commit try-repo` pointed at this checkout (which builds
# whosaid with cargo, as `language: rust` does for users). A draft leaning
# on hearsay must be refused, a clean draft committed.
#
# usage: tests/precommit.sh [CHECKOUT]   (needs pre-commit, git and cargo)
set -euo pipefail
checkout=$(cd "${1:-$(dirname "$0")/..}" && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit not found (pip install pre-commit)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# pre-commit's cache and cargo's build directory: kept under target/ so a
# second run does not build whosaid again.
export PRE_COMMIT_HOME="$checkout/target/precommit/cache"
export CARGO_TARGET_DIR="$checkout/target/precommit/build"
export GIT_AUTHOR_NAME=whosaid GIT_AUTHOR_EMAIL=whosaid@example.invalid
export GIT_COMMITTER_NAME=whosaid GIT_COMMITTER_EMAIL=whosaid@example.invalid
export NO_COLOR=1

cd "$work"
git init -q -b main newsroom
cd newsroom
git config commit.gpgsign false

# The hook, as a commit runs it: on the staged files.
hook() { pre-commit try-repo "$checkout" whosaid --verbose; }

mkdir drafts
cat > drafts/port.md <<'MD'
# Port to be sold

Reports say the port will be sold to a shell company.
MD
git add drafts/port.md
set +e
hook > hearsay.log 2>&1
status=$?
set -e
cat hearsay.log
if [ "$status" -eq 0 ]; then
  echo "FAIL: the hook passed a draft that leans on hearsay" >&2
  exit 1
fi
grep -q 'hearsay\[report\]' hearsay.log || { echo "FAIL: the hook's output does not name the hearsay" >&2; exit 1; }
echo "hearsay draft: commit refused (hook exit $status)"

git rm -q --cached drafts/port.md
cat > drafts/council.md <<'MD'
# Council approves budget

The council approved the budget by seven votes to two, its chair Ada Nwosu said.

```
"ok," said the build server
```
MD
git add drafts/council.md
hook > clean.log 2>&1 || { cat clean.log; echo "FAIL: the hook refused a clean draft" >&2; exit 1; }
cat clean.log
git commit -q -m "Council budget story" --no-verify
echo "clean draft: committed"
