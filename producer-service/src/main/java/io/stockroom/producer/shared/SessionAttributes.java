package io.stockroom.producer.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How session attributes are stored: the name as a field name MongoDB accepts (base64url: attribute names contain
 * dots), the value in Java serialization, which is what Spring Security's context, CSRF token and flash maps support.
 * Reading only accepts classes of the JDK, Spring and Stockroom, so a tampered document cannot instantiate anything
 * else.
 */
final class SessionAttributes {

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=100000;maxbytes=524288;java.**;jakarta.**;org.springframework.**;io.stockroom.**;!*");

    private SessionAttributes() {
    }

    static String fieldName(String attributeName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(attributeName.getBytes(StandardCharsets.UTF_8));
    }

    static String attributeName(String fieldName) {
        return new String(Base64.getUrlDecoder().decode(fieldName), StandardCharsets.UTF_8);
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("session attribute of " + value.getClass() + " is not serializable", e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ALLOWED);
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored session attribute could not be read", e);
        }
    }
}
