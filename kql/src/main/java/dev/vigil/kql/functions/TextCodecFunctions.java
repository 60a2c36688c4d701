package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Functions over text that run as Java code (see {@link JavaScalar}): gzip and zlib in base64, Punycode,
 * and xxHash64. Each gives Kusto's empty string for input it cannot read.
 */
final class TextCodecFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType LONG = KqlType.LONG;

    private static final List<JavaScalar> ALL = List.of(
            text("gzip_compress_to_base64_string", Compression::gzip)
                    .deviating("deflate's own choice of blocks: the text may differ from Kusto's for longer input (it decompresses the same)"),
            text("gzip_decompress_from_base64_string", Compression::gunzip),
            text("zlib_compress_to_base64_string", Compression::zlib)
                    .deviating("deflate's own choice of blocks: the text may differ from Kusto's for longer input (it decompresses the same)"),
            text("zlib_decompress_from_base64_string", Compression::unzlib),
            text("punycode_from_string", Punycode::encode),
            text("punycode_to_string", Punycode::decode),
            text("punycode_domain_to_string", Punycode::encodeDomain),
            text("punycode_domain_from_string", Punycode::decodeDomain),
            JavaScalar.of("hash_xxhash64", LONG, List.of(STRING, LONG), a -> {
                long hash = XxHash64.hash(((String) a[0]).getBytes(StandardCharsets.UTF_8), 0);
                if (a[1] == null) {
                    return hash;
                }
                long modulo = (Long) a[1];
                return modulo <= 0 ? null : Long.remainderUnsigned(hash, modulo);
            }).withDefaults("NULL").deviating("strings only (Kusto also hashes numbers and datetimes by their binary value)"));

    private TextCodecFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return ALL.stream().map(JavaScalar::declaration).toList();
    }

    static List<JavaFunction> javaFunctions() {
        return ALL.stream().map(JavaScalar::function).toList();
    }

    /** A string-to-string function; a null argument gives the empty string. */
    private static JavaScalar text(String name, java.util.function.UnaryOperator<String> body) {
        return JavaScalar.of(name, STRING, List.of(STRING), a -> a[0] == null ? "" : body.apply((String) a[0]));
    }
}
