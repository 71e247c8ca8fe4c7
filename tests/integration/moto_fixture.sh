#!/usr/bin/env bash
# CTest fixture for the integration tier: starts the odoo-prod emulator (moto, 127.0.0.1 on a
# free port), seeds it once per test run, and stops it afterwards.
#
#   moto_fixture.sh start STATE_DIR [--enforce-auth]   -> STATE_DIR/ids.env, STATE_DIR/emulator.pid
#   moto_fixture.sh stop STATE_DIR
set -euo pipefail
cmd=${1:?start|stop}
state=${2:?state dir}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
scenario=${RAMPART_SHARED:-$here/../../../shared}/scenarios/odoo-prod
if [ -d "$HOME/.pyenv/shims" ]; then export PATH="$HOME/.pyenv/shims:$PATH"; fi
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"

stop() {
  if [ -f "$state/emulator.pid" ]; then
    pid=$(cat "$state/emulator.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/emulator.pid"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$state"
    stop
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 "$scenario/emulator.py" --port "$port" --pid-file "$state/emulator.pid" --quiet \
      > "$state/emulator.log" 2>&1 &
    if ! "$scenario/seed.sh" --port "$port" "$@" "$state/ids.env" > "$state/seed.log" 2>&1; then
      echo "moto_fixture: seeding failed; see $state/seed.log" >&2
      tail -20 "$state/seed.log" >&2
      stop
      exit 1
    fi
    echo "moto_fixture: odoo-prod seeded at http://127.0.0.1:$port"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
