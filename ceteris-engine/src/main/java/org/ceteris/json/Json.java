package org.ceteris.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import org.ceteris.result.OmittedWhenNull;
import org.ceteris.result.Severity;

/**
 * The one JSON convention of Ceteris: snake_case field names from record components, fields in
 * declaration order, non-finite numbers written as null, severities in lower case. The same
 * inputs give byte-identical JSON.
 */
public final class Json {

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty-printed JSON of a result or any other value. */
    public static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** A parsed tree, for tests and the server. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new org.ceteris.CeterisException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static ObjectMapper build() {
        SimpleModule module = new SimpleModule("ceteris");
        module.addSerializer(Double.class, new FiniteDoubleSerializer(Double.class));
        module.addSerializer(double.class, new FiniteDoubleSerializer(double.class));
        module.addSerializer(Severity.class, new StdSerializer<>(Severity.class) {
            @Override
            public void serialize(Severity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.label());
            }
        });
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(module)
                .annotationIntrospector(new OmissionIntrospector())
                .build();
    }

    /** Fields marked {@link OmittedWhenNull} are left out when null, so that an option's fields appear only with the option. */
    private static final class OmissionIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated a) {
            JsonInclude.Value v = super.findPropertyInclusion(a);
            return a.hasAnnotation(OmittedWhenNull.class) ? v.withValueInclusion(JsonInclude.Include.NON_NULL) : v;
        }
    }

    /** NaN and infinities are not JSON numbers: they are written as null. */
    private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        FiniteDoubleSerializer(Class type) {
            super(type);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
