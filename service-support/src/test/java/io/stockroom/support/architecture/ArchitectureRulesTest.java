package io.stockroom.support.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.stockroom.support.architecture.fixture.ReadsAnotherServicesItems;
import io.stockroom.support.architecture.fixture.UsesTheStockLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules fail when broken: each is shown failing on a fixture that breaks it, and passing otherwise. */
class ArchitectureRulesTest {

    private static final JavaClasses ITEMS_READER = new ClassFileImporter().importClasses(
            ReadsAnotherServicesItems.class);

    @Test
    void a_module_naming_a_collection_it_does_not_own_fails() {
        assertThatThrownBy(() -> ArchitectureRules.of("order-processing-consumer", ITEMS_READER)
                .collectionsAreNamedOnlyByTheirOwner().check(ITEMS_READER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("names the collection 'items' owned by add-item-consumer");
        assertThatThrownBy(() -> ArchitectureRules.of("add-item-consumer", new ClassFileImporter()
                .importClasses(UsesTheStockLedger.class)).check())
                .hasMessageContaining("'stock_levels' owned by stock-ledger");
    }

    @Test
    void the_owner_may_name_it_and_so_may_a_listed_exception() {
        assertThatCode(() -> ArchitectureRules.of("add-item-consumer", ITEMS_READER)
                .collectionsAreNamedOnlyByTheirOwner().check(ITEMS_READER)).doesNotThrowAnyException();
        assertThat(Ownership.borrowed("producer-service", "items")).isPresent();
        assertThatCode(() -> ArchitectureRules.of("producer-service", ITEMS_READER)
                .collectionsAreNamedOnlyByTheirOwner().check(ITEMS_READER)).doesNotThrowAnyException();
    }

    @Test
    void an_owner_whose_code_no_longer_names_a_collection_fails() {
        assertThatThrownBy(() -> ArchitectureRules.of("add-item-consumer", new ClassFileImporter()
                .importClasses(UsesTheStockLedger.class)).everyOwnedCollectionIsNamed()
                .check(new ClassFileImporter().importClasses(UsesTheStockLedger.class)))
                .hasMessageContaining("add-item-consumer owns 'items' in Ownership but no persistence class");
    }

    @Test
    void every_collection_has_exactly_one_owner_and_every_exception_is_of_a_known_collection() {
        assertThat(Ownership.BORROWED).allSatisfy(borrowed -> {
            assertThat(Ownership.OWNER).containsKey(borrowed.collection());
            assertThat(Ownership.OWNER.get(borrowed.collection())).isNotEqualTo(borrowed.module());
            assertThat(borrowed.reason()).isNotBlank();
        });
    }
}
