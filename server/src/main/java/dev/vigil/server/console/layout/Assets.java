package dev.vigil.server.console.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where pages load their scripts and styles from: the console's own files, and the WebJars of the versions the build packed. */
public final class Assets {
    private static final Properties VERSIONS = load();

    public static final String STYLESHEET = ConsolePaths.ASSETS + "/console.css";
    public static final String FAVICON = ConsolePaths.ASSETS + "/favicon.svg";
    public static final String THEME_SCRIPT = ConsolePaths.ASSETS + "/theme.js";
    public static final String CONSOLE_SCRIPT = ConsolePaths.ASSETS + "/console.js";
    public static final String SIGN_IN_SCRIPT = ConsolePaths.ASSETS + "/sign-in.js";
    public static final String LOGS_SCRIPT = ConsolePaths.ASSETS + "/logs.js";
    /** Draws query results as charts with ECharts, for the Logs and home pages. */
    public static final String CHARTS_SCRIPT = ConsolePaths.ASSETS + "/charts.js";
    /** The Monaco KQL editor that Logs and the rule wizard share. */
    public static final String KQL_EDITOR_SCRIPT = ConsolePaths.ASSETS + "/kql-editor.js";
    public static final String RULE_WIZARD_SCRIPT = ConsolePaths.ASSETS + "/rule-wizard.js";
    /** Draws a workbook's charts again when its items are replaced. */
    public static final String WORKBOOKS_SCRIPT = ConsolePaths.ASSETS + "/workbooks.js";
    public static final String HTMX = ConsolePaths.WEBJARS + "/htmx.org/" + version("htmx") + "/dist/htmx.min.js";
    public static final String HTMX_SSE = ConsolePaths.WEBJARS + "/htmx-ext-sse/" + version("htmx-sse") + "/sse.js";
    /** ECharts' minified full build (the jar carries no other). */
    public static final String ECHARTS = ConsolePaths.WEBJARS + "/echarts/" + version("echarts") + "/dist/echarts.min.js";
    /** Monaco's minified AMD build; {@code vs/loader.js} under it loads the rest. */
    public static final String MONACO_BASE = ConsolePaths.WEBJARS + "/monaco-editor/" + version("monaco") + "/min";

    private Assets() {
    }

    private static String version(String webjar) {
        String version = VERSIONS.getProperty(webjar);
        if (version == null || version.startsWith("$")) {
            throw new IllegalStateException("webjars.properties has no version for " + webjar + "; was it filtered by the build?");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream("/dev/vigil/server/console/webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/vigil/server/console/webjars.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
