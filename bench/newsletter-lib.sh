# Shared by bench/newsletter-send and bench/newsletter-crash (sourced, not run): picks a JDK, builds
# the jar, starts the counting SMTP sink (bench/CountingSmtpSink.java) and Convene on loopback with
# an embedded PostgreSQL in a temporary data directory, loads subscribers by SQL and schedules an
# edition. Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

jdk_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(jdk_version "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    v=$(jdk_version "$candidate")
    if [ "${v:-0}" -ge 21 ] && { [ -z "$JAVA_HOME" ] || [ "$v" -gt "$(jdk_version "$JAVA_HOME")" ]; }; then
      JAVA_HOME=$candidate
    fi
  done
  [ -n "$JAVA_HOME" ] || { echo "No JDK 21 or newer found under /usr/lib/jvm" >&2; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

if ! command -v psql >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-client-15 >/dev/null || apt-get install -y -qq postgresql-client >/dev/null
fi

# Postfix's smtp-sink and smtp-source (the raw-rate baseline). Installing the package must not start
# the Postfix daemon: a policy-rc.d refusing every service start is in place during the install.
install_postfix_tools() {
  if [ ! -x /usr/sbin/smtp-source ] || [ ! -x /usr/sbin/smtp-sink ]; then
    local policy_added=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postfix >/dev/null
    [ "$policy_added" = 1 ] && rm -f /usr/sbin/policy-rc.d
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

WORK=$(mktemp -d /tmp/convene-newsletter-bench.XXXXXX)  # the X's are mktemp's template for a random name
APP_PID=""
SINK_PID=""
PSINK_PID=""
stop() {
  if [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$APP_PID"
  stop "$SINK_PID"
  stop "$PSINK_PID"
  # the embedded PostgreSQL of a killed application may still run: stop it by its data directory
  if [ -f "$WORK/data/postgres/postmaster.pid" ]; then
    kill "$(head -1 "$WORK/data/postgres/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

build_jar() {
  echo "== building the jar" >&2
  ./mvnw -B -q -o -DskipTests package >&2 2>/dev/null || ./mvnw -B -q -DskipTests package >&2
  JAR=$(ls target/convene-*.jar | grep -v original | head -1)
}

SINK_PORT=$(free_port)
start_counting_sink() {
  echo "== counting SMTP sink on 127.0.0.1:$SINK_PORT" >&2
  java -Xmx256m "$ROOT/bench/CountingSmtpSink.java" "$SINK_PORT" "$WORK/received.log" >"$WORK/sink.out" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 1 60); do grep -q listening "$WORK/sink.out" 2>/dev/null && return; sleep 0.5; done
  cat "$WORK/sink.out" >&2; echo "The counting sink did not start" >&2; exit 1
}

APP_PORT=$(free_port)
PG_PORT=$(free_port)
BASE="http://127.0.0.1:$APP_PORT"
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
CONNECTIONS=${CONNECTIONS:-4}
RATE=${RATE:-1000000}
BATCH=${BATCH:-200}
HEAP=${HEAP:-512m}
start_app() { # log file name
  echo "== starting Convene on $BASE (embedded PostgreSQL on $PG_PORT, $CONNECTIONS SMTP connections)" >&2
  # shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
  java -Xmx"$HEAP" ${APP_JAVA_OPTS:-} -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
    --convene.base-url="$BASE" \
    --convene.database.embedded.data-dir="$WORK/data/postgres" --convene.database.embedded.port="$PG_PORT" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT" \
    --convene.mail.from="Harbour Network <news@bench.example>" \
    --convene.newsletter.sending.connections="$CONNECTIONS" --convene.newsletter.sending.rate-per-second="$RATE" \
    --convene.newsletter.sending.batch-size="$BATCH" \
    --convene.newsletter.sending.lease="${LEASE:-10s}" --convene.newsletter.sending.heartbeat=2s \
    --convene.newsletter.sending.dispatch-interval=1s --convene.jobs.polling-interval=1s \
    --logging.level.root=warn >>"$WORK/$1" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1 && return
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/$1" >&2; echo "Convene did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "Convene did not become ready" >&2; exit 1
}

# SUBSCRIBERS confirmed subscribers in three languages, and a scheduled edition to all of them.
load_and_schedule() {
  echo "== loading $SUBSCRIBERS subscribers and scheduling an edition" >&2
  "${PSQL[@]}" <<SQL
INSERT INTO subscriber (email, name, language, status, consent_at, consent_source, consent_text, confirmed_at)
SELECT 'reader-' || g || '@bench.example', 'Reader ' || g, (ARRAY['en', 'es', 'fr'])[1 + g % 3], 'SUBSCRIBED',
       now(), 'benchmark', 'Benchmark consent', now()
FROM generate_series(1, $SUBSCRIBERS) g;
ANALYZE subscriber;
INSERT INTO edition (year, number, subject, introduction, segment, status, scheduled_at)
VALUES (2026, 1, '{"fallback":"en","values":{"en":"Harbour news","es":"Noticias del puerto","fr":"Nouvelles du port"}}',
        '{"fallback":"en","values":{"en":"Dear readers,\n\nthe network met in Lisbon and agreed on a common agenda for the coming year. Registration for the assembly is open.","es":"Queridas lectoras,\n\nla red se reunió en Lisboa.","fr":"Chères lectrices,\n\nle réseau s’est réuni à Lisbonne."}}',
        '{}', 'DRAFT', NULL);
INSERT INTO edition_block (edition_id, position, kind, content)
SELECT id, p, 'TEXT', jsonb_build_object('text', jsonb_build_object('fallback', 'en', 'values',
       jsonb_build_object('en', repeat('The assembly gathers member organizations from many countries. ', 12),
                          'es', repeat('La asamblea reúne organizaciones de muchos países. ', 12),
                          'fr', repeat('L’assemblée réunit des organisations de nombreux pays. ', 12))))
FROM edition, generate_series(1, 3) p WHERE year = 2026 AND number = 1;
SQL
  EDITION_ID=$("${PSQL[@]}" -c "SELECT id FROM edition WHERE year = 2026 AND number = 1")
}

schedule_now() {
  "${PSQL[@]}" -c "UPDATE edition SET status = 'SCHEDULED', scheduled_at = now() WHERE id = $EDITION_ID"
}

edition_status() { "${PSQL[@]}" -c "SELECT status FROM edition WHERE id = $EDITION_ID"; }
sent_count() { "${PSQL[@]}" -c "SELECT count(*) FROM edition_delivery WHERE edition_id = $EDITION_ID AND status = 'SENT'"; }

# Counts what the sink received: per recipient, against the SUBSCRIBERS expected addresses.
count_received() {
  sleep 1.5 # the sink flushes its log every half second
  RECEIVED=$(wc -l <"$WORK/received.log")
  UNIQUE=$(cut -f1 "$WORK/received.log" | sort -u | wc -l)
  DUPLICATES=$((RECEIVED - UNIQUE))
  # recipients received more than once with the same Message-ID (a receiver that deduplicates drops these)
  SAME_ID_DUPLICATES=$(( RECEIVED - $(sort -u "$WORK/received.log" | wc -l) ))
  MISSING=$((SUBSCRIBERS - UNIQUE))
}
