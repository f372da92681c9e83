#!/usr/bin/env bash
# A local MusicBlazor cluster: PostgreSQL, two app servers and nginx in front, on one port.
#
#   deploy/cluster.sh          start everything (http://127.0.0.1:8080; servers a :5101 and b :5102)
#   deploy/cluster.sh stop     stop what this script started, and only that
#   deploy/cluster.sh status   what is running
#
# Needs the Debian packages postgresql and nginx (apt-get install -y postgresql nginx) and root, as pg_ctlcluster
# and runuser do. The servers run in Development with the demo catalog and accounts, on the database
# musicblazor_cluster; logs and pid files are in .cluster/ at the repository's root.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
state="$repo/.cluster"
database=musicblazor_cluster
connection="Host=127.0.0.1;Database=$database;Username=musicblazor;Password=musicblazor"
servers=("a 5101" "b 5102")

fail() { echo "cluster: $*" >&2; exit 1; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until GET /health answers 200 (bash's /dev/tcp: no curl needed).
wait_healthy() {
    local port=$1 name=$2 log=$3
    for _ in $(seq 1 240); do
        if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
            printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
            if head -n 1 <&3 | grep -q ' 200 '; then
                exec 3>&-
                return 0
            fi
            exec 3>&-
        fi
        running "$state/server-$name.pid" || fail "server $name stopped; see $log"
        sleep 0.5
    done
    fail "server $name did not become healthy; see $log"
}

start() {
    for tool in pg_lsclusters pg_ctlcluster nginx dotnet; do
        command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install -y postgresql nginx (and the .NET SDK)"
    done
    mkdir -p "$state/temp"

    local cluster
    cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 " " $2 }')
    [ -n "$cluster" ] || fail "no PostgreSQL cluster (pg_lsclusters); apt-get install -y postgresql creates one"
    if ! pg_lsclusters --no-header | awk 'NR == 1 { exit $4 == "online" ? 0 : 1 }'; then
        pg_ctlcluster $cluster start
        echo "$cluster" > "$state/postgres-started"
        echo "Started PostgreSQL $cluster"
    fi
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
SELECT 'CREATE ROLE musicblazor LOGIN PASSWORD ''musicblazor'' CREATEDB'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'musicblazor') \gexec
SELECT 'CREATE DATABASE $database OWNER musicblazor'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database') \gexec
SQL
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d "$database" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm;"

    dotnet build -c Release --nologo -v quiet MusicBlazor >/dev/null || fail "the build failed: dotnet build -c Release MusicBlazor"

    # One after the other: the first applies the migrations and seeds the demo data, the second finds them done.
    for entry in "${servers[@]}"; do
        read -r name port <<<"$entry"
        local log="$state/server-$name.log"
        if running "$state/server-$name.pid"; then
            echo "Server $name is already running"
            continue
        fi
        Database__Provider=Postgres ConnectionStrings__Catalog="$connection" \
            nohup dotnet run -c Release --no-build --no-launch-profile --project MusicBlazor -- \
            --environment Development --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
        echo $! > "$state/server-$name.pid"
        wait_healthy "$port" "$name" "$log"
        echo "Server $name on http://127.0.0.1:$port"
    done

    if ! running "$state/nginx.pid"; then
        nginx -p "$state" -c "$repo/deploy/nginx.conf" || fail "nginx did not start; see $state/nginx-error.log"
    fi
    echo "MusicBlazor on http://127.0.0.1:8080 (nginx, sticky to server a or b). Stop with: deploy/cluster.sh stop"
}

stop() {
    if running "$state/nginx.pid"; then
        kill "$(cat "$state/nginx.pid")" && echo "Stopped nginx"
    fi
    for entry in "${servers[@]}"; do
        read -r name _ <<<"$entry"
        if running "$state/server-$name.pid"; then
            # dotnet run's child is the app: stop the whole process group it started.
            pkill -TERM -P "$(cat "$state/server-$name.pid")" 2>/dev/null || true
            kill "$(cat "$state/server-$name.pid")" 2>/dev/null || true
            echo "Stopped server $name"
        fi
        rm -f "$state/server-$name.pid"
    done
    if [ -f "$state/postgres-started" ]; then
        pg_ctlcluster $(cat "$state/postgres-started") stop && echo "Stopped PostgreSQL"
        rm -f "$state/postgres-started"
    fi
}

status() {
    running "$state/nginx.pid" && echo "nginx: running on http://127.0.0.1:8080" || echo "nginx: stopped"
    for entry in "${servers[@]}"; do
        read -r name port <<<"$entry"
        running "$state/server-$name.pid" && echo "server $name: running on :$port" || echo "server $name: stopped"
    done
    pg_lsclusters --no-header 2>/dev/null | awk '{ print "postgresql " $1 "/" $2 ": " $4 }'
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) fail "usage: deploy/cluster.sh [start|stop|status]" ;;
esac
