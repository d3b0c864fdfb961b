#!/bin/sh
# One RabbitMQ user per Stockroom service, each with the least permissions it needs, plus the topology the services
# declare (so that no service has to create another one's queue: RabbitMQ checks read permission on a queue when a
# user *creates* it with a dead-letter exchange, and the producer declares the consumers' command queues).
#
#   setup-users.sh [VHOST]                  apply to a running broker through its management HTTP API (idempotent)
#   setup-users.sh --render DIR [VHOST]     write DIR/10-topology.json and DIR/20-users.json for load_definitions
#                                           (docker compose: see rabbitmq.conf)
#
# Environment:
#   RABBITMQ_MANAGEMENT_URL                 default http://127.0.0.1:15672 (apply mode)
#   RABBITMQ_ADMIN_USERNAME / _PASSWORD     who applies (default guest/guest); in --render mode the admin user to
#                                           create (both required there)
#   RABBITMQ_PRODUCER_PASSWORD, RABBITMQ_ADD_ITEM_PASSWORD, RABBITMQ_STOCK_PASSWORD, RABBITMQ_ORDER_PASSWORD,
#   RABBITMQ_HEALTH_PASSWORD                the services' passwords. Required with --render. In apply mode a missing
#                                           one is generated once and kept in STOCKROOM_RABBITMQ_CREDENTIALS
#                                           (default .data/rabbitmq-users.env at the repository root, mode 600).
#   STOCKROOM_RABBITMQ_USER_PREFIX          prefix of every user name (tests use one; default none)
# Users: producer-service, add-item-consumer, stock-management-consumer, order-processing-consumer,
# health-check-service (monitoring tag, no AMQP resource at all).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=apply
render_dir=
if [ "${1:-}" = "--render" ]; then
  mode=render
  render_dir=${2:?"--render needs a directory"}
  shift 2
fi
vhost=${1:-/}
prefix=${STOCKROOM_RABBITMQ_USER_PREFIX:-}

fail() { echo "setup-users.sh: $*" >&2; exit 1; }

case "$vhost" in
  *[!A-Za-z0-9._/-]*|"") fail "vhost must match [A-Za-z0-9._/-]+, was '$vhost'" ;;
esac
case "$prefix" in
  *[!A-Za-z0-9._-]*) fail "STOCKROOM_RABBITMQ_USER_PREFIX must match [A-Za-z0-9._-]*" ;;
esac

# --- passwords ------------------------------------------------------------------------------------------------------
password_vars="RABBITMQ_PRODUCER_PASSWORD RABBITMQ_ADD_ITEM_PASSWORD RABBITMQ_STOCK_PASSWORD RABBITMQ_ORDER_PASSWORD RABBITMQ_HEALTH_PASSWORD"

generate_password() {
  head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

check_password() { # name value
  case "$2" in
    *[!A-Za-z0-9._~+/=-]*) fail "$1 may only hold [A-Za-z0-9._~+/=-] (it goes into JSON unescaped)" ;;
  esac
  [ "${#2}" -ge 12 ] || fail "$1 must be at least 12 characters"
}

if [ "$mode" = apply ]; then
  credentials=${STOCKROOM_RABBITMQ_CREDENTIALS:-"$here/../../.data/rabbitmq-users.env"}
  if [ -f "$credentials" ]; then
    # shellcheck disable=SC1090
    . "$credentials"
  fi
  changed=no
  for var in $password_vars; do
    eval "value=\${$var:-}"
    if [ -z "$value" ]; then
      value=$(generate_password)
      eval "$var=\$value"
      changed=yes
    fi
  done
  if [ "$changed" = yes ]; then
    mkdir -p "$(dirname "$credentials")"
    umask 077
    : > "$credentials"
    for var in $password_vars; do
      eval "echo \"$var=\${$var}\"" >> "$credentials"
    done
    echo "setup-users.sh: service passwords kept in $credentials"
  fi
else
  : "${RABBITMQ_ADMIN_USERNAME:?--render needs RABBITMQ_ADMIN_USERNAME}"
  : "${RABBITMQ_ADMIN_PASSWORD:?--render needs RABBITMQ_ADMIN_PASSWORD}"
  check_password RABBITMQ_ADMIN_PASSWORD "$RABBITMQ_ADMIN_PASSWORD"
fi
for var in $password_vars; do
  eval "value=\${$var:-}"
  [ -n "$value" ] || fail "$var is not set"
  check_password "$var" "$value"
done

# --- permissions (regexes, JSON-escaped) ----------------------------------------------------------------------------
exchanges='inventory\\.(commands|events|dead-letter)'
command_queues='(add-item|stock-management|order-processing)\\.commands(\\.dlq)?'
producer_queues='producer\\.projections(\\.dlq)?|producer\\.live\\..+'
# The durable projections queues (ADR 0009): the publishers of the events they take declare and bind them too, so an
# event published before its subscriber first started still waits for it.
order_projections='order-processing\\.projections(\\.dlq)?'
stock_projections='stock-management\\.projections(\\.dlq)?'

user_json() { # name password tags
  printf '    {"name": "%s%s", "password": "%s", "tags": "%s"}' "$prefix" "$1" "$2" "$3"
}
permission_json() { # user configure write read
  printf '    {"user": "%s%s", "vhost": "%s", "configure": "%s", "write": "%s", "read": "%s"}' \
    "$prefix" "$1" "$vhost" "$2" "$3" "$4"
}
consumer_permission_json() { # user own-queues-regex [queues-it-declares-for-others-regex]
  permission_json "$1" "^($exchanges|$2(\\\\.dlq)?${3:+|$3})\$" \
    "^(inventory\\\\.(events|dead-letter)|$2(\\\\.dlq)?${3:+|$3})\$" "^($exchanges|$2)\$"
}

users_json() {
  echo '{'
  printf '  "vhosts": [{"name": "%s"}],\n' "$vhost"
  echo '  "users": ['
  if [ "$mode" = render ]; then
    user_json "${RABBITMQ_ADMIN_USERNAME#"$prefix"}" "$RABBITMQ_ADMIN_PASSWORD" administrator; echo ','
  fi
  user_json producer-service "$RABBITMQ_PRODUCER_PASSWORD" ""; echo ','
  user_json add-item-consumer "$RABBITMQ_ADD_ITEM_PASSWORD" ""; echo ','
  user_json stock-management-consumer "$RABBITMQ_STOCK_PASSWORD" ""; echo ','
  user_json order-processing-consumer "$RABBITMQ_ORDER_PASSWORD" ""; echo ','
  user_json health-check-service "$RABBITMQ_HEALTH_PASSWORD" monitoring; echo
  echo '  ],'
  echo '  "permissions": ['
  if [ "$mode" = render ]; then
    permission_json "${RABBITMQ_ADMIN_USERNAME#"$prefix"}" '.*' '.*' '.*'; echo ','
  fi
  # producer: publishes commands, consumes only its own queues; declares (configures and binds) every command queue
  # so that a command sent before its consumer ever started is queued, not returned.
  permission_json producer-service "^($exchanges|$command_queues|$producer_queues)\$" \
    "^(inventory\\\\.(commands|dead-letter)|$command_queues|$producer_queues)\$" \
    "^($exchanges|producer\\\\.projections|producer\\\\.live\\\\..+)\$"; echo ','
  consumer_permission_json add-item-consumer 'add-item\\.commands' "$order_projections|$stock_projections"; echo ','
  consumer_permission_json stock-management-consumer 'stock-management\\.(commands|projections)' \
    "$order_projections"; echo ','
  consumer_permission_json order-processing-consumer \
    'order-processing\\.(commands|projections|sourcing\\..+)'; echo ','
  # health: watches through the management API (monitoring tag) and passive declares; touches nothing over AMQP.
  permission_json health-check-service '^$' '^$' '^$'; echo
  echo '  ]'
  echo '}'
}

topology_json() {
  sed -e "s#\"vhost\": \"/\"#\"vhost\": \"$vhost\"#" -e "s#\"name\": \"/\"#\"name\": \"$vhost\"#" \
    "$here/definitions.json"
}

if [ "$mode" = render ]; then
  mkdir -p "$render_dir"
  topology_json > "$render_dir/10-topology.json"
  ( umask 077; users_json > "$render_dir/20-users.json" )
  # The broker runs as its own user and must read the rendered files.
  chmod 644 "$render_dir/10-topology.json" "$render_dir/20-users.json"
  echo "setup-users.sh: wrote $render_dir/10-topology.json and $render_dir/20-users.json for vhost $vhost"
  exit 0
fi

url=${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}
admin_user=${RABBITMQ_ADMIN_USERNAME:-guest}
admin_password=${RABBITMQ_ADMIN_PASSWORD:-guest}
command -v curl > /dev/null || fail "curl is needed to talk to the management API at $url"

post_definitions() { # what file
  status=$(curl -sS -o /tmp/setup-users.$$ -w '%{http_code}' -u "$admin_user:$admin_password" \
    -H 'content-type: application/json' -X POST --data-binary @"$2" "$url/api/definitions") \
    || fail "cannot reach the management API at $url"
  case "$status" in
    2*) rm -f /tmp/setup-users.$$ ;;
    *) echo "setup-users.sh: importing $1 failed with HTTP $status:" >&2; cat /tmp/setup-users.$$ >&2; echo >&2
       rm -f /tmp/setup-users.$$; exit 1 ;;
  esac
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
topology_json > "$work/topology.json"
( umask 077; users_json > "$work/users.json" )
post_definitions topology "$work/topology.json"
post_definitions users "$work/users.json"
echo "setup-users.sh: vhost $vhost has the Stockroom topology and users ${prefix}producer-service," \
  "${prefix}add-item-consumer, ${prefix}stock-management-consumer, ${prefix}order-processing-consumer," \
  "${prefix}health-check-service"
