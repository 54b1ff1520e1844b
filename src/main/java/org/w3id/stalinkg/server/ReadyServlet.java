package org.w3id.stalinkg.server;

import java.io.IOException;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The readiness check at {@value ServerPaths#READY}, beside Fuseki's liveness check {@value ServerPaths#PING}:
 * {@code 200 ready} while the server answers from its data, {@code 503} (with {@code Retry-After}) while a reload
 * ({@code POST /reload} on the admin port) loads new data, so that a load balancer or Kubernetes can send the
 * traffic to replicas that are not loading. The old data is still served meanwhile; the server is up
 * ({@value ServerPaths#PING} answers 200) all along. Before the first load is done the public port is not open, so
 * nothing answers either check. Never cached.
 * <pre>
 * curl -i http://localhost:3030/$/ready
 * </pre>
 */
final class ReadyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DataHolder holder;

    ReadyServlet(DataHolder holder) {
        this.holder = holder;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (holder.loading()) {
            AnswerSender.send(req, resp, Problem.of(503, "Service Unavailable", "Not ready: new data is being "
                    + "loaded (a reload); the old data is still served.").header("Retry-After", "5").answer(req));
            return;
        }
        AnswerSender.send(req, resp, Answer.text(200, "ready"));
    }
}
