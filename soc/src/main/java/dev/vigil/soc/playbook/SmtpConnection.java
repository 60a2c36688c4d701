package dev.vigil.soc.playbook;

import dev.vigil.soc.playbook.expression.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail server a playbook's {@code email} steps send through.
 *
 * @param password a template, typically {@code {{ Secrets.smtpPassword }}}
 * @param startTls whether to upgrade the connection with STARTTLS (required when true)
 */
public record SmtpConnection(String host, int port, String from, Optional<String> username, Optional<Template> password, boolean startTls) {
    public SmtpConnection {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }
}
