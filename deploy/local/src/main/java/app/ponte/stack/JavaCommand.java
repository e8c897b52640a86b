package app.ponte.stack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the command line of a server JVM that stops when this JVM is gone (see {@link ParentWatch}). */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(List<Path> classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Stream.concat(classpath.stream(), Stream.of(StackArtifacts.launcherLocation()))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(ParentWatch.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
