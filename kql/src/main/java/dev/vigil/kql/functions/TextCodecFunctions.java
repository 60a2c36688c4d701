package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * Functions over text that run as Java code (see {@link JavaScalar}): gzip and zlib in base64, and
 * Punycode. Each gives Kusto's empty string for input it cannot read.
 */
final class TextCodecFunctions {
    private static final KqlType STRING = KqlType.STRING;

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
            text("punycode_domain_from_string", Punycode::decodeDomain));

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
