package io.stockroom.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoundTripTest {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_message_type_survives_a_json_round_trip_unchanged(MessageType type) {
        Record example = ContractsMother.example(type);
        assertThat(example).isInstanceOf(type.payloadType());

        String text = json.writeValueAsString(example);
        Record back = json.readValue(text, type.payloadType());

        assertThat(back).isEqualTo(example);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_event_payload_maps_back_to_its_own_type(MessageType type) {
        if (!type.isCommand()) {
            assertThat(MessageType.ofEvent(ContractsMother.example(type))).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_message_type_is_found_by_its_routing_key_and_goes_to_the_right_exchange(MessageType type) {
        assertThat(MessageType.fromRoutingKey(type.routingKey())).contains(type);
        String expectedExchange = type.isCommand() ? Topology.COMMANDS_EXCHANGE : Topology.EVENTS_EXCHANGE;
        assertThat(type.exchange()).isEqualTo(expectedExchange);
    }
}
