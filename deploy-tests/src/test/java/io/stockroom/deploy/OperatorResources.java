package io.stockroom.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

import java.util.List;
import java.util.Map;

/**
 * Typed views of the operators' resources the manifests use (their full schemas are not part of fabric8's model):
 * the fields the invariants check, each as the operator's CRD names it. Fields not modelled are ignored here and
 * validated by the operator's CRD schema when applied.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(RabbitmqCluster.class, RabbitmqUser.class,
            RabbitmqPermission.class, MongoDBCommunity.class, ScaledObject.class, TriggerAuthentication.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resources(Map<String, String> requests, Map<String, String> limits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RabbitmqClusterSpec(int replicas, String image, Resources resources, RabbitmqConfig rabbitmq) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RabbitmqConfig(List<String> additionalPlugins, String additionalConfig) {
    }

    @Group("rabbitmq.com")
    @Version("v1beta1")
    @Kind("RabbitmqCluster")
    static final class RabbitmqCluster extends CustomResource<RabbitmqClusterSpec, Object> implements Namespaced {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserSpec(Reference rabbitmqClusterReference, Reference importCredentialsSecret, List<String> tags) {
    }

    @Group("rabbitmq.com")
    @Version("v1beta1")
    @Kind("User")
    static final class RabbitmqUser extends CustomResource<UserSpec, Object> implements Namespaced {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PermissionSpec(String vhost, Reference userReference, Reference rabbitmqClusterReference,
                          Map<String, String> permissions) {
    }

    @Group("rabbitmq.com")
    @Version("v1beta1")
    @Kind("Permission")
    static final class RabbitmqPermission extends CustomResource<PermissionSpec, Object> implements Namespaced {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MongoUser(String name, String db, Reference passwordSecretRef, String connectionStringSecretName,
                     String scramCredentialsSecretName, List<Map<String, String>> roles) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MongoDBCommunitySpec(int members, String type, String version, List<MongoUser> users) {
    }

    @Group("mongodbcommunity.mongodb.com")
    @Version("v1")
    @Kind("MongoDBCommunity")
    static final class MongoDBCommunity extends CustomResource<MongoDBCommunitySpec, Object> implements Namespaced {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScaleTrigger(String type, Map<String, String> metadata, Reference authenticationRef) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScaledObjectSpec(Reference scaleTargetRef, int minReplicaCount, int maxReplicaCount,
                            List<ScaleTrigger> triggers) {
    }

    @Group("keda.sh")
    @Version("v1alpha1")
    @Kind("ScaledObject")
    static final class ScaledObject extends CustomResource<ScaledObjectSpec, Object> implements Namespaced {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SecretTarget(String parameter, String name, String key) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TriggerAuthenticationSpec(List<SecretTarget> secretTargetRef) {
    }

    @Group("keda.sh")
    @Version("v1alpha1")
    @Kind("TriggerAuthentication")
    static final class TriggerAuthentication extends CustomResource<TriggerAuthenticationSpec, Object>
            implements Namespaced {
    }
}
