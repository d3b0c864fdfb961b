package io.stockroom.support.messaging;

import io.stockroom.contracts.Payload;

/** A decoded, verified message: metadata and a payload of the record type its {@code type} names. */
public record Envelope<T extends Payload>(MessageMetadata metadata, T payload) {

    /** The context for messages this one causes: same correlation id, this message as the cause, same actor. */
    public PublishContext causing() {
        return new PublishContext(metadata.correlationId(), metadata.messageId(), metadata.actor());
    }

    /** Narrows the payload type after a check on {@link MessageMetadata#type()}. */
    @SuppressWarnings("unchecked")
    public <P extends Payload> Envelope<P> as(Class<P> payloadType) {
        if (!payloadType.isInstance(payload)) {
            throw new IllegalStateException("payload is " + payload.getClass().getSimpleName() + ", not "
                    + payloadType.getSimpleName());
        }
        return (Envelope<P>) this;
    }
}
