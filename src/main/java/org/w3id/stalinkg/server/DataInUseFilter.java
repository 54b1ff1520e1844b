package org.w3id.stalinkg.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Holds the served data in use ({@link DataHolder#use()}) for the whole of each request, so that a reload closes the
 * data it replaced only after the requests answering from them have ended. The first filter of the chain.
 */
final class DataInUseFilter implements Filter {

    private final DataHolder holder;

    DataInUseFilter(DataHolder holder) {
        this.holder = holder;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try (DataHolder.Use use = holder.use()) {
            chain.doFilter(req, resp);
        }
    }
}
