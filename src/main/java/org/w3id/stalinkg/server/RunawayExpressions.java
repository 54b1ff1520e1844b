package org.w3id.stalinkg.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/**
 * Regular expressions that stop when their query is cancelled. Jena checks a query's time limit between bindings
 * ({@code QueryIteratorBase}): one evaluation of a catastrophic pattern, {@code regex(?x, "(.*a){25}$")} over a
 * 41-character string, runs for minutes in {@code java.util.regex} and never reaches the next check. Here every
 * {@code REGEX}, {@code REPLACE}, {@code fn:matches} and {@code fn:replace} of a query is rewritten, before Jena's
 * own optimizer runs, into an expression that matches with the same
 * {@code java.util.regex} pattern and flags as Jena's (ARQ's default regex implementation) over a
 * {@link CharSequence} that looks at the query's cancel signal every {@value #CHECK_EVERY} characters read. The
 * time limit sets that signal ({@code QueryExecDataset}'s alarm), so the match ends with
 * {@link QueryCancelledException} (503 "timed out", as any query past its limit) within moments of the limit, and
 * the thread is free. A guarded expression is never constant-folded: Jena plans a query holding the lock its alarm
 * needs to set the signal, so a pattern run while planning could not be stopped; it runs with the query instead.
 * <p>
 * {@link #install()} puts the rewrite in ARQ's global context ({@link ARQConstants#sysOptimizerFactory}), in front of
 * whatever optimizer was there, so every query of the process is guarded: {@code /sparql}, the canned queries and the
 * search alike.
 */
public final class RunawayExpressions {

    /** How many characters a match reads between two looks at the cancel signal (a power of two). */
    static final int CHECK_EVERY = 1024;

    /** The XPath functions namespace of {@code fn:matches} and {@code fn:replace}. */
    static final String FN = "http://www.w3.org/2005/xpath-functions#";

    /** What a guarded expression answers to constant folding: not now, when the query runs. */
    private static final ExprEvalException NOT_FOLDED =
            new ExprEvalException("a regular expression is evaluated when the query runs, under its time limit");

    private RunawayExpressions() {}

    /** Guards every query of this process from now on; calling it again changes nothing. */
    public static synchronized void install() {
        // Jena initialised before its constants are read: ARQConstants' first use must not start the initialisation.
        JenaSystem.init();
        Context context = ARQ.getContext();
        Object current = context.get(ARQConstants.sysOptimizerFactory);
        if (current instanceof GuardingRewriteFactory) {
            return;
        }
        context.set(ARQConstants.sysOptimizerFactory, new GuardingRewriteFactory((RewriteFactory) current));
    }

    /** {@code op} with its regular expressions guarded by {@code cancel} (null: by the evaluation's own context). */
    static Op guard(Op op, AtomicBoolean cancel) {
        return Transformer.transform(new TransformCopy(), new GuardTransform(cancel), op);
    }

    /** {@code s} as read by a pattern that gives up once {@code cancel} is set; {@code s} itself if there is none. */
    static CharSequence cancellable(String s, AtomicBoolean cancel) {
        return cancel == null ? s : new CancellableChars(s, cancel);
    }

    /** The guard first, then the optimizer that would otherwise have run ({@code inner}, or Jena's). */
    private record GuardingRewriteFactory(RewriteFactory inner) implements RewriteFactory {
        @Override
        public Rewrite create(Context context) {
            RewriteFactory next = inner != null ? inner : Optimize.getFactory();
            Rewrite optimizer = next.create(context);
            AtomicBoolean cancel = Context.getCancelSignal(context);
            return op -> optimizer.rewrite(guard(op, cancel));
        }
    }

    /** Replaces each regular-expression function with its guarded twin; everything else is copied. */
    private static final class GuardTransform extends ExprTransformCopy {
        private final AtomicBoolean cancel;

        GuardTransform(AtomicBoolean cancel) {
            this.cancel = cancel;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof GuardedRegex || func instanceof GuardedReplace) {
                return super.transform(func, args);
            }
            if (func instanceof E_Regex) {
                return new GuardedRegex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, cancel);
            }
            if (func instanceof E_StrReplace) {
                return new GuardedReplace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null,
                        cancel);
            }
            if (func instanceof E_Function f) {
                String iri = f.getFunctionIRI();
                int n = args.size();
                if ((FN + "matches").equals(iri) && (n == 2 || n == 3)) {
                    return new GuardedRegex(args.get(0), args.get(1), n == 3 ? args.get(2) : null, cancel);
                }
                if ((FN + "replace").equals(iri) && (n == 3 || n == 4)) {
                    return new GuardedReplace(args.get(0), args.get(1), args.get(2), n == 4 ? args.get(3) : null,
                            cancel);
                }
            }
            return super.transform(func, args);
        }
    }

    /** The cancel signal the rewrite was made with, else the one of the evaluation's context, else none. */
    private static AtomicBoolean signal(AtomicBoolean baked, FunctionEnv env) {
        if (baked != null) {
            return baked;
        }
        if (env instanceof ExecutionContext exec && exec.getCancelSignal() != null) {
            return exec.getCancelSignal();
        }
        return env == null || env.getContext() == null ? null : Context.getCancelSignal(env.getContext());
    }

    /**
     * {@code REGEX} as Jena evaluates it (the same checks, flags and {@code java.util.regex} pattern, {@code find}),
     * over a string that stops the match when the query is cancelled.
     */
    static final class GuardedRegex extends E_Regex {
        private final AtomicBoolean cancel;
        private final Pattern constant;

        GuardedRegex(Expr expr, Expr pattern, Expr flags, AtomicBoolean cancel) {
            // Jena's constructor compiles and checks a constant pattern, failing as it would.
            super(expr, pattern, flags);
            this.cancel = cancel;
            this.constant = pattern.isConstant() && pattern.getConstant().isString()
                    && (flags == null || flags.isConstant())
                    ? compile(pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
        }

        /**
         * Without an environment: only Jena's constant folding calls this, while the query is being planned, when
         * the time limit cannot yet set the cancel signal (QueryExecDataset holds its lock). Refused, so the
         * expression is left to run with the query, guarded.
         */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw NOT_FOLDED;
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = constant != null ? constant : compile(args.get(1), args.size() > 2 ? args.get(2) : null);
            boolean found = p.matcher(cancellable(arg.getLiteralLexicalForm(), signal(cancel, env))).find();
            return found ? NodeValue.TRUE : NodeValue.FALSE;
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new GuardedRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null,
                    cancel);
        }

        /** The checks of {@code E_Regex.makeRegexEngine}, then the pattern of ARQ's Java regex engine. */
        private static Pattern compile(NodeValue vPattern, NodeValue vFlags) {
            if (!vPattern.isString()) {
                throw new ExprException("REGEX: Pattern is not a string: " + vPattern);
            }
            if (vFlags != null && !vFlags.isString()) {
                throw new ExprException("REGEX: Pattern flags are not a string: " + vFlags);
            }
            String flags = vFlags == null ? null : vFlags.getString();
            if (flags != null && !flags.chars().allMatch(c -> "smixq".indexOf(c) >= 0)) {
                throw new ExprEvalException("REGEX: Only 'smixq' are legal as pattern flags: got \"" + flags + "\"");
            }
            return RegexEngine.makePattern("Regex", vPattern.getString(), flags);
        }
    }

    /**
     * {@code REPLACE} as Jena evaluates it ({@code XSDFuncOp.strReplace}: one empty match at most, the input
     * returned when nothing matched, the result with the input's language tag), over a string that stops the
     * match when the query is cancelled.
     */
    static final class GuardedReplace extends E_StrReplace {
        private final AtomicBoolean cancel;
        private final Pattern constant;

        GuardedReplace(Expr expr, Expr pattern, Expr replacement, Expr flags, AtomicBoolean cancel) {
            super(expr, pattern, replacement, flags);
            this.cancel = cancel;
            this.constant = isString(pattern) && (flags == null || isString(flags))
                    ? RegexEngine.makePattern("replace", pattern.getConstant().getString(),
                            flags == null ? null : flags.getConstant().getString())
                    : null;
        }

        private static boolean isString(Expr expr) {
            return expr.isConstant() && expr.getConstant().isString();
        }

        /**
         * Without an environment: only Jena's constant folding calls this, while the query is being planned, when
         * the time limit cannot yet set the cancel signal (QueryExecDataset holds its lock). Refused, so the
         * expression is left to run with the query, guarded.
         */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw NOT_FOLDED;
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            NodeValue nvStr = args.get(0);
            Pattern p = constant;
            if (p == null) {
                String pattern = NodeValueOps.checkAndGetStringLiteral("replace", args.get(1)).getLiteralLexicalForm();
                String flags = args.size() > 3
                        ? NodeValueOps.checkAndGetStringLiteral("replace", args.get(3)).getLiteralLexicalForm() : null;
                p = RegexEngine.makePattern("replace", pattern, flags);
            }
            Node str = NodeValueOps.checkAndGetStringLiteral("replace", nvStr);
            String n = str.getLiteralLexicalForm();
            String rep = NodeValueOps.checkAndGetStringLiteral("replace", args.get(2)).getLiteralLexicalForm();
            String x = replaceAll(p.matcher(cancellable(n, signal(cancel, env))), rep);
            if (x == null || x.equals(n)) {
                return nvStr;
            }
            return NodeValue.makeNode(NodeFactory.createLiteral(x, str.getLiteralLanguage(),
                    str.getLiteralDatatype()));
        }

        /** Jena's replaceAll: Java's, except that only the first of several empty matches is replaced. */
        private static String replaceAll(Matcher matcher, String rep) {
            try {
                StringBuilder sb = null;
                while (matcher.find()) {
                    if (sb == null) {
                        sb = new StringBuilder();
                    } else if (matcher.start() == matcher.end()) {
                        continue;
                    }
                    matcher.appendReplacement(sb, rep);
                }
                if (sb == null) {
                    return null;
                }
                matcher.appendTail(sb);
                return sb.toString();
            } catch (IndexOutOfBoundsException ex) {
                throw new ExprEvalException("IndexOutOfBounds", ex);
            }
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new GuardedReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2),
                    newArgs.size() > 3 ? newArgs.get(3) : null, cancel);
        }
    }

    /** A string whose reader is stopped, with {@link QueryCancelledException}, once the signal is set. */
    static final class CancellableChars implements CharSequence {
        private final String s;
        private final AtomicBoolean cancel;
        private int reads;

        CancellableChars(String s, AtomicBoolean cancel) {
            this.s = s;
            this.cancel = cancel;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & (CHECK_EVERY - 1)) == 0 && cancel.get()) {
                throw new QueryCancelledException();
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
