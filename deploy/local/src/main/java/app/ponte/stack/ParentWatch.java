package app.ponte.stack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point for a server JVM started by the launcher: runs the server's own main class and exits
 * when the launcher's process is gone, so that a killed test JVM or a killed {@code ./ponte up}
 * never leaves a broker or a platform behind.
 *
 * <p>Usage: {@code java -cp <server classpath>:<launcher> app.ponte.stack.ParentWatch <parent pid> <main class> [args...]}
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ParentWatch <parent pid> <main class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            System.err.println("parent process " + parentPid + " is gone; not starting " + args[1]);
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("parent process " + parentPid + " is gone; stopping " + args[1]);
            System.exit(0);
        });
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
