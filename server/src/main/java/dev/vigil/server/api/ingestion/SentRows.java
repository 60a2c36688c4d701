package dev.vigil.server.api.ingestion;

import java.util.List;
import java.util.Map;

/**
 * The rows of one ingestion request as {@link RowsReader} hands them on: a JSON array decoded
 * into rows, or a newline-delimited body kept as its bytes, which the store validates as it
 * parses them and writes on without decoding them into rows (the faster path).
 */
sealed interface SentRows {
    record Decoded(List<Map<String, Object>> rows) implements SentRows {
    }

    record NdjsonBody(byte[] bytes) implements SentRows {
    }
}
