package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDemoCommand {
    private static final Pattern CONSOLE = Pattern.compile("Console: +(http://\\S+/console) +\\(sign in as admin, password (\\S+), shown once\\)");

    @TempDir
    Path data;

    @Test
    void testTheDemoPrintsTheConsoleAddressAndAPasswordThatSignsIn() throws Exception {
        ChildServer demo = ChildServer.demo(Files.createDirectories(data.resolve("demo")));
        try {
            Matcher console = demo.awaitLine(CONSOLE);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(console.group(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(demo.url() + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + console.group(2) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(console.group(1)).isEqualTo(demo.url() + "/console");
            assertThat(page.statusCode()).as("a console page without a session leads to sign-in").isEqualTo(302);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        } finally {
            demo.stop();
        }
    }
}
