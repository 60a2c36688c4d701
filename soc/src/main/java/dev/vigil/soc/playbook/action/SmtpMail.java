package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.SmtpConnection;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code email} steps, over the playbook's SMTP connection. The mail's {@code Message-ID} is made
 * of the run and the step, so a mail sent again by a retried step is recognisably the same mail.
 */
final class SmtpMail {

    JsonNode send(PlaybookStep.SendEmail step, StepCall call) {
        SmtpConnection smtp = call.smtp().orElseThrow(() -> new StepFailedException("the playbook has no smtp connection"));
        List<String> to = Arrays.stream(call.text(step.to()).split("[,;]")).map(String::strip).filter(address -> !address.isEmpty()).toList();
        if (to.isEmpty()) {
            throw new StepFailedException("the mail has no recipient ('to' came to nothing)");
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        String millis = Long.toString(call.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        if (smtp.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        properties.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        Session session = Session.getInstance(properties);
        String messageId = "<" + call.idempotencyKey() + "@vigil>";
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(smtp.from()));
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            }
            message.setSubject(call.text(step.subject()), "UTF-8");
            message.setText(call.secrets().reveal(call.text(step.body())), "UTF-8");
            message.saveChanges();
            if (smtp.username().isPresent()) {
                String password = smtp.password().map(template -> call.secrets().reveal(call.text(template))).orElse("");
                Transport.send(message, smtp.username().get(), password);
            } else {
                Transport.send(message);
            }
        } catch (AddressException e) {
            throw new StepFailedException("'" + e.getRef() + "' is not a mail address: " + e.getMessage());
        } catch (MessagingException e) {
            throw new StepFailedException("the mail to " + String.join(", ", to) + " could not be sent through " + smtp.host() + ":" + smtp.port() + ": "
                    + call.secrets().mask(String.valueOf(e.getMessage())), e);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("messageId", messageId);
        to.forEach(output.putArray("to")::add);
        return output;
    }
}
