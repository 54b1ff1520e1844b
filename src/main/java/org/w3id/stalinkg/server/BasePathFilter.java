package org.w3id.stalinkg.server;

import java.io.IOException;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The base path asked without its final slash ({@code /kg} for {@code --base-path /kg/}): 301 to {@code kg/}, since
 * the home page's relative links resolve only from {@code /kg/}. The Location is relative, so it names neither the
 * host nor the scheme the client used.
 */
final class BasePathFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object bare = request.getAttribute(ProxyCustomizer.BARE_BASE);
        if (bare instanceof String base) {
            String last = base.substring(0, base.length() - 1);
            String location = last.substring(last.lastIndexOf('/') + 1) + "/";
            AnswerSender.send((HttpServletRequest) request, (HttpServletResponse) response,
                    Answer.text(301, "See " + location).withHeader("Location", location));
            return;
        }
        chain.doFilter(request, response);
    }
}
