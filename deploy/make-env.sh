#!/bin/sh
# Writes a .env for docker compose with fresh random secrets (printed nowhere else). Usage:
#   deploy/make-env.sh > .env && chmod 600 .env
# Keep the file private; it holds every secret of the compose stack.
set -eu
secret() { head -c 24 /dev/urandom | base64 | tr -d '\n/+=' ; }
cat <<ENV
STOCKROOM_SIGNING_KEYS=k1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')
STOCKROOM_ADMIN_USERNAME=admin
STOCKROOM_ADMIN_PASSWORD=$(secret)
STOCKROOM_HEALTH_USERNAME=ops
STOCKROOM_HEALTH_PASSWORD=$(secret)
STOCKROOM_ACTUATOR_PASSWORD=$(secret)
RABBITMQ_ADMIN_USERNAME=rabbit-admin
RABBITMQ_ADMIN_PASSWORD=$(secret)
RABBITMQ_PRODUCER_PASSWORD=$(secret)
RABBITMQ_ADD_ITEM_PASSWORD=$(secret)
RABBITMQ_STOCK_PASSWORD=$(secret)
RABBITMQ_ORDER_PASSWORD=$(secret)
RABBITMQ_HEALTH_PASSWORD=$(secret)
GRAFANA_ADMIN_PASSWORD=$(secret)
ENV
