package io.stockroom.producer.catalogue;

import io.stockroom.producer.catalogue.adapter.out.persistence.MongoCatalogueSnapshot;
import io.stockroom.producer.catalogue.adapter.out.persistence.MongoStockHistory;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.application.CatalogueSnapshot;
import io.stockroom.producer.catalogue.application.ReadSideUpdates;
import io.stockroom.producer.catalogue.domain.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the catalogue feature: the in-memory read side, its snapshot from MongoDB, the movement history. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    @Bean
    ReadModel readModel() {
        return new ReadModel();
    }

    @Bean
    ReadSideUpdates readSideUpdates(ReadModel model) {
        return new ReadSideUpdates(model);
    }

    @Bean
    CatalogueSnapshot catalogueSnapshot(MongoTemplate mongo) {
        return new MongoCatalogueSnapshot(mongo);
    }

    @Bean
    Catalogue catalogue(ReadModel model, MongoTemplate mongo) {
        return new Catalogue(model, new MongoStockHistory(mongo));
    }
}
