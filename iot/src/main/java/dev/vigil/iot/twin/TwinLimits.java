package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * IoT Hub's rules for twin documents, checked before anything is stored: keys of at most 1 KB
 * without {@code .}, {@code $}, space or control characters; string values of at most 4 KB;
 * objects nested at most 10 deep below tags, desired or reported; at most 8 KB of tags and 32 KB
 * each of desired and reported properties, counted as IoT Hub counts them (keys and strings in
 * UTF-8 without control characters, numbers 8 bytes, booleans 4).
 */
final class TwinLimits {
    static final int MAX_DEPTH = 10;
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_STRING_BYTES = 4 * 1024;
    static final long MAX_TAGS_BYTES = 8 * 1024;
    static final long MAX_PROPERTIES_BYTES = 32 * 1024;

    private TwinLimits() {
    }

    /** Checks a patch of {@code section} ({@code tags}, {@code desired} or {@code reported}); its root must be an object. */
    static void checkPatch(String section, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidTwinPatchException("the " + section + " patch must be a JSON object");
        }
        check(section, patch, 0);
    }

    /** Refuses the section once patched when it is over its size limit. */
    static void checkSize(String section, JsonNode document) {
        long limit = section.equals("tags") ? MAX_TAGS_BYTES : MAX_PROPERTIES_BYTES;
        long size = size(document);
        if (size > limit) {
            throw new TwinTooLargeException(section, size, limit);
        }
    }

    private static void check(String path, JsonNode node, int depth) {
        if (node.isObject()) {
            if (depth > MAX_DEPTH) {
                throw new InvalidTwinPatchException("'" + path + "' nests objects " + depth + " deep; IoT Hub allows at most " + MAX_DEPTH);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkKey(path, field.getKey());
                check(path + "." + field.getKey(), field.getValue(), depth + 1);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                check(path + "[" + index + "]", node.get(index), depth);
            }
        } else if (node.isTextual() && utf8Length(node.asText()) > MAX_STRING_BYTES) {
            throw new InvalidTwinPatchException("the value of '" + path + "' is " + utf8Length(node.asText())
                    + " bytes; IoT Hub allows string values of at most " + MAX_STRING_BYTES + " bytes");
        }
    }

    private static void checkKey(String path, String key) {
        if (key.isEmpty()) {
            throw new InvalidTwinPatchException("'" + path + "' holds an empty key");
        }
        if (utf8Length(key) > MAX_KEY_BYTES) {
            throw new InvalidTwinPatchException("a key of '" + path + "' is " + utf8Length(key) + " bytes; IoT Hub allows keys of at most "
                    + MAX_KEY_BYTES + " bytes");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '$' || c == ' ' || Character.getType(c) == Character.CONTROL) {
                throw new InvalidTwinPatchException("the key '" + path + "." + key + "' holds '" + (Character.isISOControl(c)
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c)) + "'; twin keys may not hold '.', '$', spaces or control characters");
            }
        }
    }

    /** The size of a twin section as IoT Hub counts it. */
    static long size(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isObject()) {
            long size = 0;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                size += countedLength(field.getKey()) + size(field.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            long size = 0;
            for (JsonNode element : node) {
                size += size(element);
            }
            return size;
        }
        if (node.isNumber()) {
            return 8;
        }
        if (node.isBoolean()) {
            return 4;
        }
        return countedLength(node.asText());
    }

    /** UTF-8 bytes, leaving out control characters (C0 and C1), as IoT Hub counts strings. */
    private static long countedLength(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint)) {
                continue;
            }
            length += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        }
        return length;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
