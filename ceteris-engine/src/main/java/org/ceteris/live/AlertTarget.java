package org.ceteris.live;

import java.net.URI;
import java.util.Map;
import org.ceteris.CeterisException;

/**
 * One webhook of {@code alerts:} in {@code ceteris.yaml}: every event is POSTed to {@code url},
 * as the event's JSON or, with {@code format: slack}, as a Slack incoming-webhook message.
 */
public record AlertTarget(URI url, String format) {

    public AlertTarget {
        if (!format.equals("json") && !format.equals("slack")) {
            throw new CeterisException("alert format must be 'json' or 'slack', got '" + format + "'");
        }
    }

    /** One entry of {@code alerts:}: {@code {url: https://…, format: json|slack}}. */
    public static AlertTarget of(Object raw) {
        if (!(raw instanceof Map<?, ?> m) || m.get("url") == null) {
            throw new CeterisException("each entry of 'alerts' needs a url: {url: https://hooks.example.com/…, format: json|slack}");
        }
        for (Object k : m.keySet()) {
            if (!k.equals("url") && !k.equals("format")) {
                throw new CeterisException("unknown setting '" + k + "' in alerts; an alert takes url and format");
            }
        }
        String text = String.valueOf(m.get("url")).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new CeterisException("alert url '" + text + "' is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new CeterisException("alert url '" + text + "' must be an http:// or https:// URL with a host");
        }
        return new AlertTarget(uri, m.get("format") == null ? "json" : String.valueOf(m.get("format")));
    }
}
