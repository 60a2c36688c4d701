package dev.vigil.kql.functions;

/**
 * {@code parse_url} and {@code parse_path}: the parts of a URL or file path as a property bag
 * with Kusto's property names. Every part is a string ('' when absent); query parameters are a
 * bag of decoded values. Text that is not an absolute URL gives null.
 */
final class UrlParts {
    private static final String URL = "^([A-Za-z][A-Za-z0-9+.-]*)://(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\\[[^\\]]*\\]|[^:/?#]*)(?::([0-9]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$";

    private UrlParts() {
    }

    static String parseUrl(String url) {
        String parts = "regexp_extract(" + url + ", '" + URL + "', ['scheme', 'user', 'password', 'host', 'port', 'path', 'query', 'fragment'])";
        return SharedValue.let(parts, p -> "CASE WHEN " + p + ".scheme = '' THEN NULL ELSE json_object("
                + "'Scheme', " + p + ".scheme, 'Host', " + p + ".host, 'Port', " + p + ".port, 'Path', " + p + ".path, "
                + "'Username', " + p + ".user, 'Password', " + p + ".password, "
                + "'Query Parameters', " + queryParameters(p + ".query") + ", 'Fragment', " + p + ".fragment) END");
    }

    /** parse_urlquery: the parameters of a query string ({@code a=1&b=2}, no leading {@code ?}) under "Query Parameters". */
    static String parseUrlQuery(String query) {
        return SharedValue.let(query, q -> "json_object('Query Parameters', " + queryParameters(q) + ")");
    }

    private static String queryParameters(String query) {
        return "CASE WHEN " + query + " = '' THEN json_object() ELSE to_json(map_from_entries(list_transform(string_split(" + query
                + ", '&'), lambda __kv: {'key': coalesce(TRY(url_decode(split_part(__kv, '=', 1))), split_part(__kv, '=', 1)), "
                + "'value': coalesce(TRY(url_decode(substring(__kv, length(split_part(__kv, '=', 1)) + 2))), '')}))) END";
    }

    static String parsePath(String path) {
        String parts = "regexp_extract(" + path + ", '^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(([A-Za-z]:|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+|/)?(?:.*[\\\\/])?)?([^\\\\/:]*)(?::([^\\\\/]*))?$', "
                + "['scheme', 'directory', 'root', 'file', 'stream'])";
        return SharedValue.let(parts, p -> {
            String directory = "regexp_replace(" + p + ".directory, '(.)[\\\\/]$', '\\1')";
            return "json_object('Scheme', " + p + ".scheme, 'RootPath', " + p + ".root, 'DirectoryPath', " + directory
                    + ", 'DirectoryName', regexp_extract(" + directory + ", '([^\\\\/]*)$', 1), 'Filename', " + p + ".file"
                    + ", 'Extension', regexp_extract(" + p + ".file, '\\.([^.]*)$', 1), 'AlternateDataStreamName', " + p + ".stream)";
        });
    }
}
