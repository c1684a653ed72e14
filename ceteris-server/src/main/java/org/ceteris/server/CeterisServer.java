package org.ceteris.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.ceteris.CeterisException;
import org.ceteris.json.Json;
import org.ceteris.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ceteris serve}: the HTTP API ({@code /api/...}, {@code /openapi.json}) and the dashboard
 * (static files under {@code /static} on the class path) in one Javalin process. Every error is an
 * RFC 9457 problem document; bad input is a 4xx, never a 500.
 */
public final class CeterisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CeterisServer.class);

    /** How often the scheduler looks for due studies. */
    static final long SCHEDULE_EVERY_SECONDS = 30;

    private final Javalin app;
    private final QueryService query;
    private final ServerOptions options;
    private final WorkspaceState state;
    private final java.util.concurrent.ScheduledExecutorService scheduler;

    private CeterisServer(Javalin app, QueryService query, ServerOptions options, WorkspaceState state,
                          java.util.concurrent.ScheduledExecutorService scheduler) {
        this.app = app;
        this.query = query;
        this.options = options;
        this.state = state;
        this.scheduler = scheduler;
    }

    /** Starts serving {@code workspace}; returns once the port is bound. */
    public static CeterisServer start(Workspace workspace, ServerOptions options) {
        return start(workspace, options, java.time.Clock.systemUTC(), true);
    }

    /**
     * Starts serving {@code workspace} with {@code clock} as the time of the schedule and events;
     * with {@code schedule}, due studies are run at start-up and every {@value #SCHEDULE_EVERY_SECONDS} s.
     */
    public static CeterisServer start(Workspace workspace, ServerOptions options, java.time.Clock clock, boolean schedule) {
        WorkspaceState state = new WorkspaceState(workspace, options.version(), options.duckdbSettings(), clock);
        state.snapshot(); // fail now, not on the first request, if the workspace cannot be read
        QueryService query = new QueryService(state, options.queryRowLimit(), options.queryTimeoutMs());
        StudyController studies = new StudyController(state);
        AssignRoute assign = new AssignRoute(workspace.dir());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new CeterisJsonMapper());
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            // a small pool: answers come from memory, so more threads than cores only add switching
            config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(16, 4);
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> secure(ctx, options));
            config.routes.get("/api/studies", studies::list);
            config.routes.get("/api/studies/{name}", studies::get);
            config.routes.post("/api/studies/{name}/run", studies::run);
            config.routes.get("/api/studies/{name}/history", studies::history);
            config.routes.post("/api/query", ctx -> ctx.json(query.run(Bodies.sql(ctx))));
            config.routes.get("/api/assign", assign::handle);
            config.routes.get("/api/events", ctx -> EventsRoute.handle(ctx, state));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(Resources.bytes("/openapi.json")));
            config.routes.get("/views.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(Resources.viewsScript()));
            config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.toProblem(ctx.path())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
                    new Problem("/problems/http-" + e.getStatus(), Problem.title(e.getStatus()), e.getStatus(), e.getMessage(), ctx.path())));
            config.routes.exception(CeterisException.class, (e, ctx) -> {
                boolean busy = e.getMessage().startsWith("workspace is busy");
                problem(ctx, new Problem(busy ? "/problems/workspace-busy" : "/problems/bad-input",
                        busy ? "Workspace is busy" : "Bad request", busy ? 503 : 400, e.getMessage(), ctx.path()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, new Problem("/problems/internal", "Internal error", 500,
                        "the server failed; the log has the details", ctx.path()));
            });
            config.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new Problem("/problems/not-found", "Not found", 404, "nothing at " + ctx.path(), ctx.path()));
                }
            });
            config.routes.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new Problem("/problems/method-not-allowed", "Method not allowed", 405,
                            ctx.method() + " is not allowed on " + ctx.path(), ctx.path()));
                }
            });
        });
        app.start(options.host(), options.port());
        LOG.info("serving workspace {} on http://{}:{}/", workspace.dir(), options.host(), app.port());
        java.util.concurrent.ScheduledExecutorService scheduler = null;
        if (schedule) {
            scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ceteris-scheduler");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(() -> runDue(state), 0, SCHEDULE_EVERY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        }
        return new CeterisServer(app, query, options, state, scheduler);
    }

    /** One look of the scheduler: what is due runs; nothing it meets stops the next look. */
    static void runDue(WorkspaceState state) {
        try {
            org.ceteris.live.DueRuns.Report r = state.live().runDue();
            for (String f : r.failures()) {
                LOG.warn("scheduled study failed: {}", f);
            }
        } catch (RuntimeException e) {
            LOG.warn("scheduler: {}", e.getMessage());
        }
    }

    /** Runs whatever is due now (what the scheduler does at each look). */
    public org.ceteris.live.DueRuns.Report runDue() {
        return state.live().runDue();
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        app.stop();
        query.close();
    }

    private static void secure(Context ctx, ServerOptions options) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        String path = ctx.path();
        boolean api = path.startsWith("/api/") || path.equals("/api") || path.equals("/openapi.json");
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > options.maxBodyBytes()) {
                    throw new ProblemException(413, "body-too-large", "Content too large",
                            "the request body is larger than " + options.maxBodyBytes() + " bytes");
                }
            } catch (NumberFormatException e) {
                throw Problem.badRequest("bad-content-length", "Content-Length is not a number");
            }
        }
        if (api && options.token() != null) {
            String auth = ctx.header("Authorization");
            String expected = "Bearer " + options.token();
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ProblemException(401, "unauthorized", "Unauthorized", auth == null
                        ? "this server needs a token: send 'Authorization: Bearer <token>'" : "the token is wrong");
            }
        }
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            String origin = ctx.header("Origin");
            String host = ctx.header("Host");
            if (origin != null && !origin.equals("null") && host != null && !sameHost(origin, host)) {
                throw new ProblemException(403, "cross-origin", "Forbidden", "requests from other sites are refused (Origin " + origin + ")");
            }
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI u = URI.create(origin);
            String authority = u.getAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isProblem(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(Problem.CONTENT_TYPE);
    }

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status());
        ctx.contentType(Problem.CONTENT_TYPE);
        ctx.result(Json.write(p));
    }
}
