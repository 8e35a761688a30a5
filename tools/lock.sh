#!/bin/sh
# Compile the pinned sets from pyproject.toml with uv (https://docs.astral.sh/uv/):
#   requirements.txt       the book set (`make book` installs it)
#   requirements-test.txt  the book set plus the `test` extra (`make test`); same pins for the shared part
# uv keeps the versions already pinned in the output files unless a requirement forces a change;
# pass --upgrade to move everything to the newest allowed versions. Run `make lock` after editing
# the dependencies in pyproject.toml, and commit the three files together.
set -eu
cd "$(dirname "$0")/.."
UV=${UV:-uv}
command -v "$UV" >/dev/null 2>&1 || { echo "uv not found: run \`pip install uv\` (or set UV=/path/to/uv)" >&2; exit 1; }
"$UV" pip compile pyproject.toml --python-version 3.11 --no-header --annotation-style line "$@" -o requirements.txt
"$UV" pip compile pyproject.toml --extra test --python-version 3.11 --no-header --annotation-style line \
  -c requirements.txt "$@" -o requirements-test.txt
