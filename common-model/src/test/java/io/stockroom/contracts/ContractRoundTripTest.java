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
        Payload example = ContractsMother.example(type);
        assertThat(example).isInstanceOf(type.payloadType());

        String text = json.writeValueAsString(example);
        Payload back = json.readValue(text, type.payloadType());

        assertThat(back).isEqualTo(example);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_payload_maps_back_to_its_own_type_and_family(MessageType type) {
        Payload example = ContractsMother.example(type);

        assertThat(MessageType.of(example)).isEqualTo(type);
        assertThat(example).isInstanceOf(type.isCommand() ? Command.class : Event.class);
        assertThat(MessageType.carrying(type.isCommand() ? Command.class : Event.class)).contains(type);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_command_names_its_id_and_subject(MessageType type) {
        if (ContractsMother.example(type) instanceof Command command) {
            assertThat(command.commandId()).isNotBlank();
            assertThat(command.subject()).isNotBlank();
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
