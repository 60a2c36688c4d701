package dev.vigil.iot.detection;

import java.util.Map;

/** One payload item of a security event, read by field name as the schema spells it. */
record PayloadItem(Map<String, Object> fields) {

    /** The field as text, {@code ""} when absent; whole numbers read without a fraction. */
    String text(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && !Double.isInfinite(number)) {
                return Long.toString((long) number);
            }
        }
        return value.toString();
    }

    /** A boolean field, accepting JSON booleans and the strings true/false in any case. */
    boolean flag(String name) {
        Object value = fields.get(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(text(name).trim());
    }
}
