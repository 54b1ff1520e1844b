package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the command line says when something is wrong, in one line a person can act on: no exception class names, no
 * stack traces, no 80 lines of usage. Checks that need no data (a port in use, a folder that cannot be written) are
 * made here before anything is loaded.
 */
final class CliErrors {

    /** A qualified class name at the start of a message, "java.io.IOException: ", as exceptions wrap each other. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:: ?)");

    private CliErrors() {}

    /**
     * A usage error: picocli's message (it names the option), a "did you mean" for a mistyped option or command,
     * and where the full usage is; exit status 2.
     */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(ex.getMessage() + configSource(cmd, ex, args));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = suggestions(cmd, unmatched);
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + String.join(" or ", suggestions) + "?");
            }
        }
        String name = cmd.getCommandSpec().qualifiedName();
        err.println("Run '" + name + " --help' for the options.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The option an error is about, from picocli's argument or the message ("Illegal --port=..."). */
    private static final Pattern OPTION_IN_MESSAGE = Pattern.compile("(?:Illegal |option ')(--[a-z0-9-]+)");

    /** " (from FILE line N)" if the value refused came from the --config file, not the command line; else "". */
    private static String configSource(CommandLine cmd, ParameterException ex, String[] args) {
        if (!(cmd.getDefaultValueProvider() instanceof ConfigFile config)) {
            return "";
        }
        String option = null;
        if (ex.getArgSpec() instanceof picocli.CommandLine.Model.OptionSpec o) {
            option = o.longestName();
        } else {
            java.util.regex.Matcher m = OPTION_IN_MESSAGE.matcher(String.valueOf(ex.getMessage()));
            option = m.find() ? m.group(1) : null;
        }
        if (option == null || config.sourceOf(option) == null) {
            return "";
        }
        for (String a : args) {
            if (a.equals(option) || a.startsWith(option + "=")) {
                return "";
            }
        }
        return " (from " + config.sourceOf(option) + ")";
    }

    /**
     * The options and commands of {@code cmd} closest to the first mistyped one (at most two edits away), else
     * picocli's own suggestions; at most three.
     */
    static List<String> suggestions(CommandLine cmd, UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (!unmatched.isEmpty()) {
            String typed = unmatched.get(0).split("=", 2)[0];
            List<String> names = new ArrayList<>();
            cmd.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
            names.addAll(cmd.getSubcommands().keySet());
            List<String> close = names.stream().filter(n -> n.length() > 2 && distance(typed, n) <= 2).distinct()
                    .sorted(Comparator.comparingInt((String n) -> distance(typed, n)).thenComparing(n -> n))
                    .limit(3).toList();
            if (!close.isEmpty()) {
                return close;
            }
        }
        return ex.getSuggestions().stream().limit(3).toList();
    }

    /** The edit distance of {@code a} and {@code b}, a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The message of {@code ex} for a person: the causes' messages without class names, a port in use said so. */
    static String messageOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "a port is already in use (" + strip(t.getMessage()) + ")";
            }
        }
        Throwable t = ex;
        while (t.getCause() != null && (t.getMessage() == null || CLASS_PREFIX.matcher(t.getMessage()).find())) {
            t = t.getCause();
        }
        String message = strip(t.getMessage());
        return message == null || message.isBlank() ? "unexpected failure (" + t.getClass().getSimpleName() + ")"
                : message;
    }

    private static String strip(String message) {
        if (message == null) {
            return null;
        }
        String m = message;
        for (String before = null; !m.equals(before); ) {
            before = m;
            m = CLASS_PREFIX.matcher(m).replaceFirst("");
        }
        return m;
    }

    /**
     * Why {@code port} cannot be listened on at {@code host}, or null if it can (0, any free port, always can).
     *
     * @param option the option that chose it, named in the message with how to choose another
     */
    static String portInUse(String host, int port, String option, String remedy) {
        if (port <= 0) {
            return null;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException ex) {
            return "port " + port + " (" + option + ") cannot be used on " + host + ": "
                    + (ex instanceof BindException ? "it is in use" : strip(ex.getMessage())) + "; " + remedy;
        }
    }

    /**
     * Why files cannot be written into the folder {@code dir}, or null if they can: the folder (and any missing parent)
     * is created and a file written into it, then whatever the check created is removed again, so that a command that
     * fails later leaves nothing behind.
     */
    static String unwritableFolder(Path dir) {
        Path firstMissing = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            firstMissing = p;
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return "cannot write into " + dir + ": permission denied";
            }
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException ex) {
            return "cannot write into " + dir + ": permission denied for " + ex.getFile();
        } catch (NoSuchFileException ex) {
            return "cannot create the folder " + dir + (dir.toString().equals(ex.getFile()) ? ""
                    : ": " + ex.getFile() + " does not exist");
        } catch (FileSystemException ex) {
            return "cannot write into " + dir + ": " + (ex.getReason() != null ? ex.getReason() : strip(ex.getMessage()));
        } catch (IOException | SecurityException ex) {
            return "cannot write into " + dir + ": " + messageOf(ex);
        } finally {
            removeEmptyFolders(dir.toAbsolutePath(), firstMissing);
        }
    }

    /** Removes the empty folders from {@code dir} up to {@code top} (null: none), as the check created them. */
    private static void removeEmptyFolders(Path dir, Path top) {
        if (top == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ex) {
                return;
            }
        }
    }
}
