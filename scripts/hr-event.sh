#!/usr/bin/env bash
# Sends one signed HR event to the app, as an HR system would (Standard Webhooks signature).
#   scripts/hr-event.sh person.terminated|person.left_project|person.rehired USERNAME [PROJECT_ID] [EFFECTIVE_AT]
# The secret comes from TOKENGOV_HR_WEBHOOK_SECRET (default: the embedded default's demo value): whsec_<base64> is
# keyed with the decoded bytes (Standard Webhooks), anything else with its own bytes. The app from TOKENGOV_URL
# (default http://localhost:8080). Needs curl, openssl, base64 and od.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
TYPE=$1
USERNAME=$2
PROJECT_ID=${3:-}
EFFECTIVE_AT=${4:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
SECRET=${TOKENGOV_HR_WEBHOOK_SECRET:-demo-hr-webhook-secret}
URL=${TOKENGOV_URL:-http://localhost:8080}

BODY="{\"type\":\"$TYPE\",\"username\":\"$USERNAME\"${PROJECT_ID:+,\"projectId\":$PROJECT_ID},\"effectiveAt\":\"$EFFECTIVE_AT\"}"
ID="msg_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TIMESTAMP=$(date +%s)
case "$SECRET" in
  whsec_*) KEY_HEX=$(printf '%s' "${SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n') ;;
  *) KEY_HEX=$(printf '%s' "$SECRET" | od -An -tx1 | tr -d ' \n') ;;
esac
SIGNATURE=$(printf '%s' "$ID.$TIMESTAMP.$BODY" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY_HEX" -binary \
  | base64 | tr -d '\n')

curl -sS -w '\n%{http_code}\n' -X POST "$URL/api/hr/events" \
  -H 'Content-Type: application/json' \
  -H "webhook-id: $ID" -H "webhook-timestamp: $TIMESTAMP" -H "webhook-signature: v1,$SIGNATURE" \
  --data "$BODY"
