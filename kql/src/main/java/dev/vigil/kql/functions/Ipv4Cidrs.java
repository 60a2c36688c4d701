package dev.vigil.kql.functions;

import java.util.ArrayList;
import java.util.List;

/** {@code ipv4_range_to_cidr_list(start, end)}: the fewest CIDR blocks that together cover an address range. */
final class Ipv4Cidrs {
    private Ipv4Cidrs() {
    }

    /** The blocks from {@code start} to {@code end} (both dotted addresses); null when either is not an address or end is before start. */
    static List<String> cover(String start, String end) {
        long from = address(start);
        long to = address(end);
        if (from < 0 || to < 0 || to < from) {
            return null;
        }
        List<String> blocks = new ArrayList<>();
        while (from <= to) {
            int size = from == 0 ? 32 : Math.min(Long.numberOfTrailingZeros(from), 32);
            while (size > 0 && from + (1L << size) - 1 > to) {
                size--;
            }
            blocks.add(text(from) + "/" + (32 - size));
            from += 1L << size;
        }
        return blocks;
    }

    /** The address as a number, or -1 when the text is not four dotted numbers from 0 to 255. */
    private static long address(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private static String text(long address) {
        return (address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }
}
