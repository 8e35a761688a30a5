#!/bin/sh
# Print the path of the Chromium that the browser tests drive (used by `make test`):
#   1. $CHROMIUM if it is set (it must be an executable file);
#   2. else Debian's chromium if it is on PATH;
#   3. else, when running as root with apt-get, install Debian's chromium and print its path;
#   4. else stop at once with one line naming the command to run.
# Progress of an install goes to stderr; stdout holds only the path.
set -u
if [ -n "${CHROMIUM:-}" ]; then
  if [ -f "$CHROMIUM" ] && [ -x "$CHROMIUM" ]; then
    echo "$CHROMIUM"
    exit 0
  fi
  echo "CHROMIUM=$CHROMIUM is not an executable file: point CHROMIUM at a Chromium binary, or unset it to use Debian's chromium" >&2
  exit 1
fi
if found=$(command -v chromium 2>/dev/null); then
  echo "$found"
  exit 0
fi
if [ "$(id -u 2>/dev/null)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium not found: installing Debian's chromium (apt-get install chromium)" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=${TMPDIR:-/tmp}/find_chromium.$$.log
  if apt-get update -qq >"$log" 2>&1 && apt-get install -y -qq --no-install-recommends chromium >>"$log" 2>&1 \
     && found=$(command -v chromium 2>/dev/null); then
    rm -f "$log"
    echo "$found"
    exit 0
  fi
  tail -n 20 "$log" >&2
  echo "installing chromium with apt-get failed (log: $log): run \`apt-get install chromium\` (or set CHROMIUM=/path/to/chromium), then make test" >&2
  exit 1
fi
echo "chromium not found: run \`sudo apt-get install chromium\` (or set CHROMIUM=/path/to/chromium), then make test" >&2
exit 1
