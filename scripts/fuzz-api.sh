#!/usr/bin/env bash
# Schema-driven fuzz of the JSON API (schemathesis over /api/openapi.json) against a running
# demo application, authenticated with an API token of the office: it must find no server error.
#
#   make fuzz            (PORT defaults to 8765; MAX_EXAMPLES to 25)
#
# The demo data go to a temporary CHIDAO_DATA_DIR, removed afterwards; the rate limit per
# token is lifted for the run (the fuzzer sends hundreds of requests a minute).
set -euo pipefail

BIN=${BIN:-.venv/bin}
PORT=${PORT:-8765}
MAX_EXAMPLES=${MAX_EXAMPLES:-25}
if [ ! -x "$BIN/schemathesis" ]; then
    "$BIN/pip" install --quiet "schemathesis>=4.0"
fi
DATA=$(mktemp -d -t chidao-fuzz-XXXXXX)
export CHIDAO_DATA_DIR="$DATA" CHIDAO_API_RATE_PER_MINUTE=1000000
cleanup() {
    if [ -n "${SERVER:-}" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$DATA"
}
trap cleanup EXIT

"$BIN/chidao" demo --no-serve >/dev/null
TOKEN=$("$BIN/chidao" shell -c "
from django.contrib.auth import get_user_model
from chidao.api.tokens import create_token
print(create_token(user=get_user_model().objects.get(username='vanphong'), name='fuzz')[1])
" | tail -n 1 | tr -d '[:space:]')
"$BIN/chidao" runserver "127.0.0.1:$PORT" --noreload >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 50); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/openapi.json" && break
    sleep 0.2
done
"$BIN/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.json" \
    -H "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error \
    --max-examples "$MAX_EXAMPLES"
