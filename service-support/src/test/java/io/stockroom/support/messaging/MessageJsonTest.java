package io.stockroom.support.messaging;

import io.stockroom.contracts.ContractsMother;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Payload;
import io.stockroom.contracts.stock.ReceiveStock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageJsonTest {

    private final MessageJson json = new MessageJson();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_contract_round_trips_through_the_message_mapper(MessageType type) {
        Payload example = ContractsMother.example(type);

        assertThat(json.read(json.write(example), type.payloadType())).isEqualTo(example);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":\"5\",\"reference\":null}",
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":5.5,\"reference\":null}",
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":null,\"reference\":null}",
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":5,\"admin\":true}",
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":5} {}",
            "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":-5}",
            "[1,2,3]"
    })
    void wrong_types_unknown_fields_nulls_and_invalid_values_are_refused(String body) {
        assertThatThrownBy(() -> json.read(body.getBytes(StandardCharsets.UTF_8), ReceiveStock.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void a_valid_payload_is_read() {
        String body = "{\"commandId\":\"c\",\"sku\":\"S\",\"location\":\"L\",\"quantity\":5,\"reference\":\"PO\"}";

        assertThat(json.read(body.getBytes(StandardCharsets.UTF_8), ReceiveStock.class))
                .isEqualTo(new ReceiveStock("c", "S", "L", 5, "PO"));
    }
}
