#!/usr/bin/env bash
# Prints requirements.lock from a venv's pip: every installed distribution at its exact
# version, the project itself left out. Used by `make lock`.
set -euo pipefail
pip=$1
cat <<HEAD
# Every dependency of Story Workbench at the version CI last passed with (Linux x86_64,
# Python 3.11), torch as its CPU build. Used as constraints by \`make install\`.
# Written by \`make lock\`: do not edit by hand.
HEAD
"$pip" freeze --exclude-editable --all | grep -viE '^(story-workbench|pip|setuptools|wheel)[=@ ]' \
  | LC_ALL=C sort -f
