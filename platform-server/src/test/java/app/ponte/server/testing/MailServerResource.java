package app.ponte.server.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail, in this JVM, on a free port) that the platform's mailer sends to;
 * shared by every test class of the run. Tests read what one address received.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    /** A received e-mail, decoded. */
    public record ReceivedMail(String to, String subject, String text) {
    }

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server().getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "Ponte <nao-responda@ponte.test>");
    }

    @Override
    public void stop() {
        // shared by every test class of the run; stopped when the JVM exits
    }

    /** What {@code address} received so far, oldest first. */
    public static List<ReceivedMail> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).map(MailServerResource::decode)
                .filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits until {@code address} received {@code count} e-mails (or fails after a minute); answers them all. */
    public static List<ReceivedMail> await(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<ReceivedMail> received = to(address);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            RunnerWorkspace.sleep(100);
            received = to(address);
        }
        if (received.size() < count) {
            throw new AssertionError(address + " received " + received.size() + " e-mails, expected " + count + ": " + received);
        }
        return received;
    }

    private static ReceivedMail decode(MimeMessage message) {
        try {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            Object content = message.getContent();
            return new ReceivedMail(to.replaceAll(".*<|>.*", ""), message.getSubject(), content.toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
