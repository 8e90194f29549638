#!/usr/bin/env bash
# Schemathesis against the real sdo-server, generated from the server's own
# /api/v1/openapi.json: once on SQLite, once on DynamoDB + KMS (moto_server).
# Checks that no request gets a 5xx, that every answer's status, content
# type, headers and body conform to the document, and schemathesis' other
# checks (docs/TESTING.md). Loopback only; bounded by
# --max-examples and a timeout per store; kills what it started.
#
#   ./scripts/schemathesis.sh              # both stores
#   ./scripts/schemathesis.sh sqlite       # one store
#   SDO_ST_MAX_EXAMPLES=500 SDO_ST_SEED=7 ./scripts/schemathesis.sh
#
# Closes with `schemathesis: N passed, M failed` (one per store); exits
# non-zero when a store failed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

ensure_moto
ensure_schemathesis

stores=("$@")
[ ${#stores[@]} -gt 0 ] || stores=(sqlite dynamodb)
max_examples=${SDO_ST_MAX_EXAMPLES:-80}
# A fixed seed keeps CI reproducible; set SDO_ST_SEED to explore.
seed=${SDO_ST_SEED:-20261130}
# Every check but two whose failures here are false (docs/TESTING.md):
# positive_data_acceptance wants any schema-valid blob accepted, but the
# envelope's version byte and padded length are not expressible in JSON
# Schema; ensure_resource_availability expects the created id to open with
# any token, but only the creator can derive the link token.
checks=${SDO_ST_CHECKS:-all}
exclude=${SDO_ST_EXCLUDE_CHECKS-positive_data_acceptance,ensure_resource_availability}
# A hung run must not hang CI.
store_timeout=600

step "building sdo-server"
cargo build --locked -p sdo-backend --bin sdo-server
target_dir=$(cargo metadata --locked --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
server_bin="$target_dir/debug/sdo-server"

work=$(mktemp -d)
SERVER_PID=
MOTO_PID=
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
cleanup() {
    stop_server
    if [ -n "$MOTO_PID" ]; then
        kill "$MOTO_PID" 2>/dev/null || true
        wait "$MOTO_PID" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# start_server NAME [sdo-server args...]: sets PORT once /health answers.
start_server() {
    local name=$1
    shift
    PORT=$(free_port)
    SDO_LOG=warn "$server_bin" --listen "127.0.0.1:$PORT" --data-dir "$work/$name" \
        --rate-limit 0 "$@" 2>"$work/$name.log" &
    SERVER_PID=$!
    for _ in $(seq 1 150); do
        if python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PORT/api/v1/health', timeout=1)" 2>/dev/null; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    echo "sdo-server ($name) did not start:" >&2
    tail -n 20 "$work/$name.log" >&2
    return 1
}

# run_schemathesis NAME: against the server on $PORT; records the result.
passed=0
failed=0
run_schemathesis() {
    local name=$1 started rc=0
    local out="$work/st-$name.txt"
    step "schemathesis ($name): up to $max_examples examples per operation, seed $seed"
    started=$(date +%s)
    SDO_ST_BASE="http://127.0.0.1:$PORT" PYTHONPATH=scripts PYTHONDONTWRITEBYTECODE=1 \
        SCHEMATHESIS_HOOKS=schemathesis_hooks \
        timeout "$store_timeout" python3 -m schemathesis.cli --config-file scripts/schemathesis.toml \
        run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
        --checks "$checks" ${exclude:+--exclude-checks "$exclude"} --max-examples "$max_examples" --seed "$seed" \
        --workers 1 --request-timeout 30 2>&1 | tee "$out" || rc=$?
    local cases
    cases=$(grep -Eo '[0-9]+ generated' "$out" | tail -n 1 | cut -d' ' -f1)
    if [ "$rc" -eq 0 ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        passed=$((passed + 1))
        echo "schemathesis ($name): ok, ${cases:-?} test cases in $(($(date +%s) - started))s"
    else
        failed=$((failed + 1))
        echo "schemathesis ($name): FAILED (exit $rc) after $(($(date +%s) - started))s"
        if [ -s "$work/$name.log" ]; then
            echo "server log (warnings and errors):"
            tail -n 20 "$work/$name.log"
        fi
    fi
}

for store in "${stores[@]}"; do
    case "$store" in
        sqlite)
            start_server sqlite
            run_schemathesis sqlite
            stop_server
            ;;
        dynamodb)
            start_moto
            key_id=$(python3 - "$SDO_TEST_MOTO_URL" <<'EOF'
import sys
import boto3

aws = dict(endpoint_url=sys.argv[1], region_name="us-east-1",
           aws_access_key_id="testing", aws_secret_access_key="testing")
ddb = boto3.client("dynamodb", **aws)
ddb.create_table(TableName="sdo-schemathesis", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                 KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
ddb.update_time_to_live(TableName="sdo-schemathesis", TimeToLiveSpecification={
    "AttributeName": "expires_at", "Enabled": True})
print(boto3.client("kms", **aws).create_key()["KeyMetadata"]["KeyId"])
EOF
)
            AWS_ENDPOINT_URL=$SDO_TEST_MOTO_URL AWS_REGION=us-east-1 \
                AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
                start_server dynamodb --store dynamodb --table sdo-schemathesis \
                --kms-key-id "$key_id"
            run_schemathesis dynamodb
            stop_server
            ;;
        *)
            echo "unknown store: $store (sqlite or dynamodb)" >&2
            exit 2
            ;;
    esac
done

echo "schemathesis: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
