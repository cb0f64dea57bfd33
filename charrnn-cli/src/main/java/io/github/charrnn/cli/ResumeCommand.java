package io.github.charrnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command line that continues a stopped {@code train}: its own arguments with {@code --resume FILE}. */
final class ResumeCommand {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ResumeCommand() {
    }

    /**
     * {@code charrnn} and {@code args} (a {@code train} command line as given), any {@code --resume} in them replaced
     * by {@code --resume file} (and {@code --init-from} and {@code --keep-optimizer} left out: the checkpoint holds
     * the fine-tuned run), quoted for a POSIX shell.
     */
    static String of(List<String> args, Path file) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--resume") || arg.equals("--init-from")) {
                i++;   // and its value: the checkpoint continues the run, fine-tuned or not
            } else if (!arg.startsWith("--resume=") && !arg.startsWith("--init-from=") && !arg.equals("--keep-optimizer")) {
                kept.add(arg);
            }
        }
        if (kept.isEmpty() || !kept.get(0).equals("train")) {
            kept.add(0, "train");
        }
        kept.add("--resume");
        kept.add(file == null ? "?" : file.toString());
        StringBuilder line = new StringBuilder("charrnn");
        for (String arg : kept) {
            line.append(' ').append(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
