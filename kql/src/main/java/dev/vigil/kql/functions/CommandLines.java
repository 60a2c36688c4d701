package dev.vigil.kql.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code parse_command_line(text, "windows")}: the arguments of a command line split as Windows'
 * CommandLineToArgvW splits them. The first argument (the program) ends at the first space or tab
 * outside quotes and takes backslashes literally; in the others, 2n backslashes before a quote are n
 * backslashes and the quote opens or closes a quoted part, 2n+1 are n and a literal quote, other
 * backslashes are literal, and inside a quoted part two quotes give a literal quote.
 */
final class CommandLines {
    private CommandLines() {
    }

    static List<String> windows(String text) {
        List<String> arguments = new ArrayList<>();
        int at = 0;
        int length = text.length();
        StringBuilder program = new StringBuilder();
        boolean quoted = false;
        for (; at < length; at++) {
            char c = text.charAt(at);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                break;
            } else {
                program.append(c);
            }
        }
        arguments.add(program.toString());
        while (true) {
            while (at < length && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
            if (at >= length) {
                return arguments;
            }
            StringBuilder argument = new StringBuilder();
            quoted = false;
            while (at < length) {
                char c = text.charAt(at);
                if ((c == ' ' || c == '\t') && !quoted) {
                    break;
                }
                if (c == '\\') {
                    int slashes = 0;
                    while (at < length && text.charAt(at) == '\\') {
                        slashes++;
                        at++;
                    }
                    if (at < length && text.charAt(at) == '"') {
                        argument.append("\\".repeat(slashes / 2));
                        if (slashes % 2 == 1) {
                            argument.append('"');
                            at++;
                        }
                    } else {
                        argument.append("\\".repeat(slashes));
                    }
                    continue;
                }
                if (c == '"') {
                    if (quoted && at + 1 < length && text.charAt(at + 1) == '"') {
                        argument.append('"');
                        at += 2;
                        continue;
                    }
                    quoted = !quoted;
                    at++;
                    continue;
                }
                argument.append(c);
                at++;
            }
            arguments.add(argument.toString());
        }
    }
}
