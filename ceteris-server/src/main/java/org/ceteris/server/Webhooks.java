package org.ceteris.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ceteris.json.Json;
import org.ceteris.live.AlertTarget;
import org.ceteris.live.Event;

/**
 * Sends events to the webhooks of {@code alerts:} as HTTP POSTs with the JDK's HttpClient: the
 * event's JSON, or with {@code format: slack} a Slack incoming-webhook message ({@code {"text": …}}).
 * Everything is asynchronous, so a run is never failed or delayed by a webhook. A POST that fails
 * (no answer, a timeout or a non-2xx status) is retried after each pause of {@code backoff}; when
 * the last try fails, {@code onDead} receives an {@code alert_failed} event naming the webhook,
 * which is itself never sent (a dead webhook cannot make a loop).
 */
public final class Webhooks {

    /** The pauses before the 2nd, 3rd and 4th try in production. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60));

    private final List<AlertTarget> targets;
    private final List<Duration> backoff;
    private final Consumer<Event> onDead;
    private final HttpClient client;
    private final Duration timeout;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    public Webhooks(List<AlertTarget> targets, List<Duration> backoff, Duration timeout, Consumer<Event> onDead) {
        this.targets = List.copyOf(targets);
        this.backoff = List.copyOf(backoff);
        this.onDead = onDead;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts sending every event to every webhook and returns at once. */
    public void send(List<Event> events) {
        for (Event e : events) {
            if (e.kind().equals(Event.ALERT_FAILED)) {
                continue;
            }
            for (AlertTarget t : targets) {
                CompletableFuture<Void> f = attempt(t, body(t, e), e, 0);
                pending.add(f);
                f.whenComplete((v, x) -> pending.remove(f));
            }
        }
    }

    /** Waits until every send has succeeded or been given up, at most {@code max}; true when none is left. */
    public boolean await(Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (!pending.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException ex) {
                return false;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException ignored) {
                // a failed send has already been reported through onDead
            }
        }
        return true;
    }

    private CompletableFuture<Void> attempt(AlertTarget t, String body, Event e, int tries) {
        HttpRequest request = HttpRequest.newBuilder(t.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null && response.statusCode() / 100 == 2 ? null
                        : error != null ? describe(error) : "HTTP " + response.statusCode())
                .thenCompose(problem -> {
                    if (problem == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (tries < backoff.size()) {
                        return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(backoff.get(tries).toNanos(), TimeUnit.NANOSECONDS))
                                .thenCompose(x -> attempt(t, body, e, tries + 1));
                    }
                    onDead.accept(new Event(0, java.time.Instant.now(), e.study(), Event.ALERT_FAILED, null, e.runId(), null, null,
                            "webhook " + t.url() + " failed after " + (tries + 1) + " tries (" + problem + "); event " + e.kind()
                                    + (e.arm() == null ? "" : " of arm " + e.arm()) + " was not delivered"));
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static String describe(Throwable error) {
        Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The POST body: the event's JSON, or Slack's {@code {"text": …}}. */
    static String body(AlertTarget t, Event e) {
        if (t.format().equals("slack")) {
            return Json.write(Map.of("text", "*Ceteris* · " + (e.study() == null ? "" : e.study() + " · ") + e.kind() + ": " + e.message()));
        }
        return Json.write(e.toJson());
    }
}
