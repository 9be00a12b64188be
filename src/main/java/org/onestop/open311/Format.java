package org.onestop.open311;

import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.http.MediaType;

/**
 * The two formats of GeoReport v2, chosen by the resource's extension ({@code services.xml}, {@code services.json});
 * XML when there is none, XML being the format the specification requires.
 * <p>
 * Documents are plain maps and lists; XML is written with StAX, which escapes every text, and characters that XML 1.0
 * cannot carry are dropped. A list inside an element becomes one child per item, named by {@link #ITEM_NAMES}.
 */
enum Format {
    XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8)),
    JSON(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8));

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
    private static final Map<String, String> ITEM_NAMES = Map.of(
            "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format",
            "status_notes_history", "status_note", "nearby_requests", "nearby_request");

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format a resource name asks for, and the name without its extension. */
    record Resource(String name, Format format) {
    }

    static Resource parse(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return new Resource(file, XML);
        }
        String extension = file.substring(dot + 1);
        if (extension.equalsIgnoreCase("json")) {
            return new Resource(file.substring(0, dot), JSON);
        }
        if (extension.equalsIgnoreCase("xml")) {
            return new Resource(file.substring(0, dot), XML);
        }
        throw Open311Exception.notFound("unsupported format '" + clip(extension) + "': use .xml or .json");
    }

    /** The format of an error for this request path (XML unless the resource ends in .json). */
    static Format ofPath(String path) {
        return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : XML;
    }

    /** A list document: JSON array, or {@code <root><item>…</item>…</root>}. */
    String list(String root, String item, List<? extends Map<String, ?>> items) {
        if (this == JSON) {
            return json(items);
        }
        return xml(w -> {
            w.writeStartElement(root);
            for (Map<String, ?> map : items) {
                element(w, item, map);
            }
            w.writeEndElement();
        });
    }

    /** A single object document: JSON object, or {@code <root>…</root>}. */
    String object(String root, Map<String, ?> document) {
        if (this == JSON) {
            return json(document);
        }
        return xml(w -> element(w, root, document));
    }

    String errors(int code, List<String> descriptions) {
        List<Map<String, ?>> errors = descriptions.stream().<Map<String, ?>>map(d -> {
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("code", code);
            error.put("description", d);
            return error;
        }).toList();
        return list("errors", "error", errors);
    }

    private static String json(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(w, String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (value instanceof Collection<?> items) {
            String item = ITEM_NAMES.getOrDefault(name, "item");
            for (Object each : items) {
                element(w, item, each);
            }
        } else if (value != null) {
            w.writeCharacters(xmlText(String.valueOf(value)));
        }
        w.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters, lone surrogates). */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
