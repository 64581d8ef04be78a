#!/usr/bin/env bash
# Commit what `catalogue intake` changed to the branch intake/issue-N and push it there. The
# intake workflow (.github/workflows/intake.yml) runs it after intake; the tests run it against a
# real repository (tests/acceptance/test_intake_workflow.py).
#
#   scripts/intake-branch.sh ISSUE_NUMBER MESSAGE_FILE
#
# MESSAGE_FILE is what intake printed: its first line becomes the commit's subject. Prints, for
# $GITHUB_OUTPUT:
#   branch=intake/issue-N
#   result=pushed   the branch now holds the change (one commit on the checked-out branch)
#   result=same     the branch already held exactly this change on the same base: nothing pushed
#   result=none     intake changed nothing, so there is nothing to commit
# Only patterns/ and organisations.yaml may have changed; anything else stops it (exit 1).
set -euo pipefail

issue="${1:?the issue number}"
message="${2:?the file intake printed its report to}"
case "$issue" in
  *[!0-9]*) echo "intake-branch: the issue number must be digits, not '$issue'" >&2; exit 2 ;;
esac
branch="intake/issue-$issue"
echo "branch=$branch"

others=$(git status --porcelain --untracked-files=all -- . ':!patterns' ':!organisations.yaml')
if [ -n "$others" ]; then
  printf 'intake-branch: files outside patterns/ and organisations.yaml changed:\n%s\n' "$others" >&2
  exit 1
fi
git add --all -- patterns organisations.yaml
if git diff --cached --quiet; then
  echo "result=none"
  exit 0
fi

base=$(git rev-parse HEAD)
git switch --quiet --force-create "$branch"
git -c user.name="${INTAKE_GIT_NAME:-github-actions[bot]}" \
    -c user.email="${INTAKE_GIT_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
    commit --quiet --message "$(head -n 1 "$message")" --message "From #$issue."

# An edit of the issue that changes nothing in the catalogue leaves the branch (and its pull
# request) as they are.
if git fetch --quiet origin "refs/heads/$branch" 2>/dev/null \
   && [ "$(git rev-parse 'FETCH_HEAD^{tree}')" = "$(git rev-parse 'HEAD^{tree}')" ] \
   && [ "$(git rev-parse --verify --quiet 'FETCH_HEAD^' || true)" = "$base" ]; then
  echo "result=same"
  exit 0
fi
git push --quiet --force origin "HEAD:refs/heads/$branch"
echo "result=pushed"
