package org.sanlian.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON the application writes for itself (stored payloads, draw records, scores), with the caller's mapper. */
public final class Json {

    private Json() {
    }

    /** The value as JSON; a value of our own that cannot be written is a programming error, not bad input. */
    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
