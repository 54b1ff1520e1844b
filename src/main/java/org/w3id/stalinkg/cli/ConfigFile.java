package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: a properties file whose keys are the long option names of the command, without the dashes
 * ({@code port = 8080}, {@code timeout = 20}, {@code admin-port = -1}). Its values stand in for the options' defaults,
 * so an option given on the command line overrides the file. Checked before anything else runs: a missing or unreadable
 * file, a line that is not {@code key = value}, an unknown or repeated key is an error naming the file and the line;
 * a value of the wrong type is refused as the option would refuse it on the command line, naming the line too.
 * {@code #} and {@code !} start a comment line; a value runs to the end of its line.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {

    /** The option that names the file. */
    static final String OPTION = "--config";

    /** Options a file may not set: they say what to do, not how. */
    private static final List<String> NOT_SETTABLE = List.of(OPTION, "--print-config", "--help", "--version",
            "--exit-after-warm-up");

    /** One setting: its value and the line it is on. */
    record Entry(String value, int line) {}

    /** A file that cannot be used, with the file, the line where there is one, and why. */
    static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private ConfigFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The settings of {@code file} for the command {@code spec}; ConfigException if it cannot be used. */
    static ConfigFile read(Path file, CommandSpec spec) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new ConfigException(file + ": no such file (" + OPTION + ")");
        } catch (MalformedInputException ex) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException ex) {
            throw new ConfigException(file + ": cannot be read (" + CliErrors.messageOf(ex) + ")");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = firstSeparator(line);
            if (eq <= 0) {
                throw new ConfigException(file + ":" + lineNo + ": not 'key = value': " + abbreviate(line));
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            String option = key.startsWith("--") ? key : "--" + key;
            OptionSpec spec0 = spec.findOption(option);
            if (spec0 == null || NOT_SETTABLE.contains(spec0.longestName()) || !spec0.longestName().startsWith("--")) {
                String near = nearest(spec, option);
                throw new ConfigException(file + ":" + lineNo + ": unknown key '" + key + "'"
                        + (near == null ? "" : "; did you mean '" + near.substring(2) + "'?")
                        + " (keys are the long option names of '" + spec.qualifiedName() + "', see --help)");
            }
            String name = spec0.longestName();
            Entry before = entries.put(name, new Entry(value, lineNo));
            if (before != null) {
                throw new ConfigException(file + ":" + lineNo + ": '" + key + "' is set again (first on line "
                        + before.line() + ")");
            }
        }
        return new ConfigFile(file, entries);
    }

    private static int firstSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String nearest(CommandSpec spec, String option) {
        String best = null;
        int bestDistance = 3;
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            int d = CliErrors.distance(option, name);
            if (name.startsWith("--") && !NOT_SETTABLE.contains(name) && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec o) {
            Entry e = entries.get(o.longestName());
            if (e != null) {
                return e.value();
            }
        }
        return null;
    }

    /** Where the value of {@code option} came from, if from this file: "FILE line N"; else null. */
    String sourceOf(String option) {
        Entry e = entries.get(option);
        return e == null ? null : file + " line " + e.line();
    }

    /**
     * {@code --print-config}: every option of the command that {@code cl} ran, as a line of a --config file, with
     * where its value comes from; exit status 0.
     */
    static int print(CommandLine cl) {
        java.io.PrintWriter out = cl.getOut();
        CommandLine.ParseResult parsed = cl.getParseResult();
        ConfigFile config = cl.getDefaultValueProvider() instanceof ConfigFile c ? c : null;
        out.println("# The configuration of '" + cl.getCommandSpec().qualifiedName() + "': usable as a " + OPTION
                + " file.");
        for (OptionSpec o : cl.getCommandSpec().options()) {
            String name = o.longestName();
            if (o.hidden() || o.usageHelp() || o.versionHelp() || NOT_SETTABLE.contains(name)
                    || !name.startsWith("--")) {
                continue;
            }
            String value;
            String source;
            if (parsed.hasMatchedOption(o)) {
                List<String> given = parsed.matchedOption(name).stringValues();
                value = given.isEmpty() ? "true" : o.isMultiValue() ? String.join(",", given)
                        : given.get(given.size() - 1);
                source = "command line";
            } else if (config != null && config.sourceOf(name) != null) {
                value = config.entries.get(name).value();
                source = config.sourceOf(name);
            } else {
                value = o.defaultValue() != null ? o.defaultValue() : o.type() == boolean.class ? "false" : null;
                source = "default";
            }
            String line = value == null ? "# " + name.substring(2) + " =" : name.substring(2) + " = " + value;
            out.printf("%-40s # %s%n", line, value == null ? source + ": not set" : source);
        }
        out.flush();
        return 0;
    }

    /**
     * The file named by {@code --config FILE} or {@code --config=FILE} among {@code args}, or null; the options after
     * {@code --} are not looked at.
     */
    static String fileArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--".equals(args[i])) {
                return null;
            }
            if (OPTION.equals(args[i]) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(OPTION + "=")) {
                return args[i].substring(OPTION.length() + 1);
            }
        }
        return null;
    }

    /** The command of {@code root} that {@code args} run: the first argument naming a subcommand, else the root. */
    static CommandLine commandOf(CommandLine root, String[] args) {
        for (String a : args) {
            CommandLine sub = root.getSubcommands().get(a);
            if (sub != null) {
                return sub;
            }
        }
        return root;
    }
}
