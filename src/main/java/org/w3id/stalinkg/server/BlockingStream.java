package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A servlet output stream that writes into {@code out} as it is called (blocking writes only): what the response
 * wrappers of the filters hand to Fuseki and the servlets when they keep, redirect or drop a body.
 */
final class BlockingStream extends ServletOutputStream {

    private final OutputStream out;

    BlockingStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("blocking writes only");
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
