package org.w3id.stalinkg.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code serve} (the default when no command is named) and {@code validate}.
 *
 * <pre>
 * java -jar target/stalin-kg.jar                      # serve on http://localhost:3030/sparql
 * java -jar target/stalin-kg.jar serve --port 8080 --timeout 30
 * java -jar target/stalin-kg.jar validate             # counts; exit 1 on any problem
 * </pre>
 */
@Command(name = "stalin-kg", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        subcommands = {ServeCmd.class, ValidateCmd.class, StatsCmd.class, DumpCmd.class, GenerateCmd.class,
            LoadCmd.class, CommandLine.HelpCommand.class},
        description = {
            "stalin-kg: a knowledge graph of Joseph Stalin's political goals, policies, their outcomes and the "
                + "regions they struck, served as a read-only SPARQL endpoint.",
            "With no command, serves (the options below are serve's)."},
        footer = {"", "Run 'stalin-kg help serve' or 'stalin-kg help validate' for each command's options."})
public final class StalinKgCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (serve.printConfig) {
            return ConfigFile.print(spec.commandLine());
        }
        return ServeCmd.run(data, remote, serve.settings(), serve.effectiveAdminPort(), serve.exitAfterWarmUp,
                spec.commandLine());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String... args) {
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs {@code cmd} (from {@link #commandLine()}) with {@code args}, reading the file of {@code --config FILE}
     * first (its values stand in for the defaults of the command that runs); a file that cannot be used is a usage
     * error (exit status 2) naming the file and the line.
     */
    public static int execute(CommandLine cmd, String... args) {
        String config = ConfigFile.fileArgument(args);
        if (config != null) {
            CommandLine target = ConfigFile.commandOf(cmd, args);
            try {
                target.setDefaultValueProvider(ConfigFile.read(java.nio.file.Path.of(config),
                        target.getCommandSpec()));
            } catch (ConfigFile.ConfigException | java.nio.file.InvalidPathException ex) {
                cmd.getErr().println("stalin-kg: " + ex.getMessage());
                cmd.getErr().flush();
                return cmd.getCommandSpec().exitCodeOnInvalidInput();
            }
        }
        return cmd.execute(args);
    }

    /**
     * The command line, with errors reported as one line each: a usage error exits 2 with its message, a "did you
     * mean" for a mistyped option and where the usage is; anything
     * else that goes wrong (a port in use, say) exits 1 with its message, never a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new StalinKgCmd());
        cmd.setParameterExceptionHandler(CliErrors::usageError);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("stalin-kg: " + CliErrors.messageOf(ex));
            commandLine.getErr().flush();
            return 1;
        });
        return cmd;
    }
}
