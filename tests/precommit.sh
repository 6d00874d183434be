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

# The commit hook: pre-commit, pointed at this checkout with try-repo, on
# the staged files, exactly as `pre-commit install` would run it.
cat > .git/hooks/pre-commit <<HOOK
#!/usr/bin/env bash
exec pre-commit try-repo "$checkout" whosaid --verbose
HOOK
chmod +x .git/hooks/pre-commit

mkdir drafts
cat > drafts/port.md <<'MD'
# Port to be sold

Reports say the port will be sold to a shell company.
MD
git add drafts/port.md
if git commit -q -m "Port story" > hearsay.log 2>&1; then
  cat hearsay.log
  echo "FAIL: the hook let a draft that leans on hearsay be committed" >&2
  exit 1
fi
cat hearsay.log
grep -q 'hearsay\[report\]' hearsay.log || { echo "FAIL: the hook's output does not name the hearsay" >&2; exit 1; }
[ -z "$(git log --oneline 2>/dev/null)" ] || { echo "FAIL: a commit was made" >&2; exit 1; }
echo "hearsay draft: commit refused"

git rm -q --cached drafts/port.md
cat > drafts/council.md <<'MD'
# Council approves budget

The council approved the budget by seven votes to two, its chair Ada Nwosu said.

```
"ok," said the build server
```
MD
git add drafts/council.md
git commit -q -m "Council budget story" > clean.log 2>&1 || { cat clean.log; echo "FAIL: the hook refused a clean draft" >&2; exit 1; }
cat clean.log
[ "$(git log --format=%s)" = "Council budget story" ] || { echo "FAIL: no commit" >&2; exit 1; }
echo "clean draft: committed"
