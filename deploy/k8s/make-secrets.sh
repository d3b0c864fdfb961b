#!/bin/sh
# Prints the Secrets that Stockroom's Kubernetes manifests refer to, each with a fresh random value, as YAML for
# kubectl. Nothing here is stored in the repository, and the values are printed nowhere else:
#
#   deploy/k8s/make-secrets.sh | kubectl apply -f -
#
# Run it once per cluster (running it again rotates every secret: restart the Deployments afterwards, and note that
# a new signing key invalidates commands still in flight). STOCKROOM_ADMIN_USERNAME (default admin) and
# STOCKROOM_HEALTH_USERNAME (default ops) name the first admin and the health page's viewer.
set -eu
namespace=stockroom
secret() { head -c 24 /dev/urandom | base64 | tr -d '\n/+=' ; }

# stringData: kubectl encodes the values; the names and keys are the ones the manifests read.
emit() { # name key=value...
  name=$1; shift
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n  labels:\n    app.kubernetes.io/part-of: stockroom\ntype: Opaque\nstringData:\n' "$name" "$namespace"
  for pair in "$@"; do
    printf '  %s: "%s"\n' "${pair%%=*}" "${pair#*=}"
  done
}

emit stockroom-signing "keys=k1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
emit stockroom-admin "username=${STOCKROOM_ADMIN_USERNAME:-admin}" "password=$(secret)"
emit stockroom-health-viewer "username=${STOCKROOM_HEALTH_USERNAME:-ops}" "password=$(secret)"
emit stockroom-mongodb-password "password=$(secret)"
for user in producer-service add-item-consumer stock-management-consumer order-processing-consumer; do
  emit "rabbitmq-$user" "username=$user" "password=$(secret)"
done
health_password=$(secret)
emit rabbitmq-health-check-service "username=health-check-service" "password=$health_password"
emit keda-rabbitmq "host=http://health-check-service:$health_password@stockroom-rabbitmq.$namespace.svc:15672/"
