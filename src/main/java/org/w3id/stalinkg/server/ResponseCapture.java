package org.w3id.stalinkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as Fuseki writes it, held back in memory while it is a 200 no larger than
 * {@code maxEntryBytes}; anything else (an error, a writer, a larger answer) is passed to the real response
 * as it comes.
 */
final class ResponseCapture extends HttpServletResponseWrapper {

    private final HttpServletResponse real;
    private final int maxEntryBytes;
    private ByteArrayOutputStream held = new ByteArrayOutputStream(1024);
    private ServletOutputStream out;
    private boolean passThrough;
    private boolean failed;

ResponseCapture(HttpServletResponse real, int maxEntryBytes) {
        super(real);
        this.real = real;
        this.maxEntryBytes = maxEntryBytes;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (out == null) {
            if (getStatus() != HttpServletResponse.SC_OK) {
                passThrough();
            }
            out = new BlockingStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (!passThrough && held.size() + len > maxEntryBytes) {
                        passThrough();
                    }
                    if (passThrough) {
                        real.getOutputStream().write(b, off, len);
                    } else {
                        held.write(b, off, len);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (passThrough) {
                        real.getOutputStream().flush();
                    }
                }
            });
        }
        return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        passThrough();
        return real.getWriter();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        failed = true;
        passThrough();
        real.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        failed = true;
        passThrough();
        real.sendError(sc);
    }

    @Override
    public void flushBuffer() throws IOException {
        if (passThrough) {
            real.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int len) {
        if (passThrough) {
            real.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (passThrough) {
            real.setContentLengthLong(len);
        }
    }

    /** From now on everything goes to the real response, starting with what was held. */
    private void passThrough() throws IOException {
        if (passThrough) {
            return;
        }
        passThrough = true;
        if (held.size() > 0) {
            real.getOutputStream().write(held.toByteArray());
        }
        held = null;
    }

    /** A complete 200 response held back: its type, its headers (name to value), its bytes. */
    record Held(String contentType, Map<String, String> headers, byte[] body) {}

    /** The response held back, or null if it went (or must go) through as written. */
    Held finish() throws IOException {
        if (passThrough || failed || getStatus() != HttpServletResponse.SC_OK || held == null
                || getHeader("Content-Encoding") != null) {
            passThrough();
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : real.getHeaderNames()) {
            headers.put(name, real.getHeader(name));
        }
        return new Held(getContentType(), headers, held.toByteArray());
    }
}
