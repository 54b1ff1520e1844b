package org.w3id.stalinkg.cli;

import java.time.Duration;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values, made where picocli parses them (the options' setter methods): a value that breaks its
 * rule is a usage error (exit status 2) whose message names the option, e.g. {@code Illegal --port=70000 : must be 0
 * (any free port) to 65535}. Nothing later needs to translate a message about a setting into one about an option.
 */
final class OptionsLib {

    /** The largest number of KiB whose bytes still fit an {@code int}. */
    static final int MAX_KIB = Integer.MAX_VALUE / 1024;

    /** The largest number of MiB whose bytes still fit a {@code long}. */
    static final long MAX_MIB = Long.MAX_VALUE >> 20;

    /** The most seconds a time option may say: a day. */
    static final double MAX_SECONDS = 86_400;

    private OptionsLib() {}

    /** {@code value} if {@code ok}; otherwise a usage error of {@code spec}'s command: "Illegal OPTION=VALUE : RULE" */
    static <T> T require(CommandSpec spec, String option, T value, boolean ok, String rule) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), "Illegal " + option + "=" + value + " : " + rule);
        }
        return value;
    }

    /** {@code seconds} (fractions allowed) as a duration of at least 1 ms and at most {@link #MAX_SECONDS}. */
    static Duration positiveSeconds(CommandSpec spec, String option, double seconds) {
        require(spec, option, seconds, seconds >= 0.001 && seconds <= MAX_SECONDS,
                "must be 0.001 to " + (long) MAX_SECONDS + " seconds");
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code seconds} (fractions allowed, 0 too) in milliseconds, at most {@link #MAX_SECONDS}. */
    static long seconds(CommandSpec spec, String option, double seconds) {
        require(spec, option, seconds, seconds >= 0 && seconds <= MAX_SECONDS,
                "must be 0 to " + (long) MAX_SECONDS + " seconds");
        return Math.round(seconds * 1000);
    }

    /** {@code kib} KiB in bytes: 1 or more, and no more than an {@code int} holds. */
    static int kibToBytes(CommandSpec spec, String option, int kib) {
        return require(spec, option, kib, kib >= 1 && kib <= MAX_KIB, "must be 1 to " + MAX_KIB) * 1024;
    }

    /** {@code mib} MiB in bytes: 0 or more, and no more than a {@code long} holds. */
    static long mibToBytes(CommandSpec spec, String option, long mib) {
        return require(spec, option, mib, mib >= 0 && mib <= MAX_MIB, "must be 0 to " + MAX_MIB) << 20;
    }
}
