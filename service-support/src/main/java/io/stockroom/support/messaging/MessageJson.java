package io.stockroom.support.messaging;

import io.stockroom.contracts.Payload;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapping of message payloads, strict on purpose: unknown fields, wrong types and nulls for primitives
 * make a message malformed rather than silently half-read. Kept apart from the web layer's mapper so API leniency
 * can never leak into the messaging contract.
 */
public final class MessageJson {

    private final JsonMapper mapper;

    public MessageJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64_000)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.String,
                        CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.DateTime, config -> config.setCoercion(CoercionInputShape.String,
                        CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.String,
                        CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Float, config -> config.setCoercion(CoercionInputShape.Float,
                        CoercionAction.TryConvert))
                .build();
    }

    public byte[] write(Payload payload) {
        return mapper.writeValueAsBytes(payload);
    }

    /** @throws tools.jackson.core.JacksonException when the body is not a valid payload of that type */
    public <T> T read(byte[] body, Class<T> type) {
        return mapper.readValue(body, type);
    }
}
