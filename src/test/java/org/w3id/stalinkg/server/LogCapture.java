package org.w3id.stalinkg.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the loggers write while it is open: slf4j-simple writes to whatever {@code System.err} is when it writes (its
 * default, {@code logFile=System.err}), so standard error is copied here, and still to where it went before.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream previous = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (bytes) {
                    bytes.write(b);
                }
                previous.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
                previous.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** Every line written so far. */
    List<String> lines() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * The lines that {@code wanted} accepts, once there are at least {@code count}: a request's line is written
     * after its answer has gone, so this waits for it, for at most 10 s.
     */
    List<String> await(Predicate<String> wanted, int count) throws InterruptedException {
        List<String> found = List.of();
        for (int i = 0; i < 200; i++) {
            found = lines().stream().filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        }
        return found;
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(previous);
    }
}
