package app.ponte.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free-port lookup and port checks on the loopback interface. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("could not find a free TCP port: " + e.getMessage(), e);
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a one-line reason when {@code port} cannot be bound, naming who wanted it and how to change it. */
    public static void requireFree(int port, String who, String setting) {
        if (port < 1 || port > 65535) {
            throw new StackException("port " + port + " for " + who + " is not a valid TCP port (set " + setting + ")");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
        } catch (IOException e) {
            throw new StackException("port " + port + " for " + who + " is already in use; stop what uses it or set "
                    + setting + " to another port");
        }
    }
}
