package io.stockroom.gateway.routing;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer instances the gateway was configured with, as Spring Cloud LoadBalancer sees them. The list is fixed
 * for the gateway's lifetime; which of them take traffic is decided by the health checks layered on top.
 */
final class ProducerInstances implements ServiceInstanceListSupplier {

    private final List<ServiceInstance> instances;

    ProducerInstances(List<URI> urls) {
        List<ServiceInstance> all = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            URI url = urls.get(i);
            boolean secure = "https".equals(url.getScheme());
            int port = url.getPort() > 0 ? url.getPort() : secure ? 443 : 80;
            all.add(new DefaultServiceInstance(ProducerRoutes.PRODUCER + "-" + i, ProducerRoutes.PRODUCER,
                    url.getHost(), port, secure));
        }
        this.instances = List.copyOf(all);
    }

    @Override
    public String getServiceId() {
        return ProducerRoutes.PRODUCER;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }
}
