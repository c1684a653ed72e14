package org.ceteris.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/**
 * How {@code ceteris serve} listens and what it allows.
 *
 * @param host            interface to bind; anything but loopback needs a token
 * @param port            TCP port, 0 for any free port
 * @param token           bearer token every API call must carry, or null (loopback only)
 * @param maxBodyBytes    largest request body accepted (larger gives 413)
 * @param queryRowLimit   most rows {@code POST /api/query} returns
 * @param queryTimeoutMs  longest a {@code POST /api/query} statement may run
 * @param version         Ceteris version stored with each run
 * @param duckdbMemory    DuckDB {@code memory_limit} of every connection the server opens (e.g. 1GB)
 * @param duckdbThreads   DuckDB {@code threads} of every connection the server opens
 */
public record ServerOptions(String host, int port, String token, long maxBodyBytes, int queryRowLimit,
                            long queryTimeoutMs, String version, String duckdbMemory, int duckdbThreads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** DuckDB's own default is 80 % of the machine's memory, for each database the server opens. */
    public static final String DEFAULT_DUCKDB_MEMORY = "1GB";

    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*([KMGT]i?B|B)", Pattern.CASE_INSENSITIVE);

    public ServerOptions {
        if (host == null || host.isBlank()) {
            host = DEFAULT_HOST;
        }
        if (port < 0 || port > 65535) {
            throw new CeterisException("--port must be between 0 and 65535, got " + port);
        }
        if (token != null && token.isBlank()) {
            throw new CeterisException("--token is empty; give a long random string (or leave it out on 127.0.0.1)");
        }
        if (token == null && !isLoopback(host)) {
            throw new CeterisException("binding to " + host + " exposes the workspace to the network; give --token T "
                    + "(clients then send 'Authorization: Bearer T'), or bind to 127.0.0.1");
        }
        if (duckdbMemory == null || !MEMORY.matcher(duckdbMemory.strip()).matches()) {
            throw new CeterisException("--duckdb-memory must be an amount like 512MB or 2GB, got '" + duckdbMemory + "'");
        }
        duckdbMemory = duckdbMemory.strip();
        if (duckdbThreads < 1) {
            throw new CeterisException("--duckdb-threads must be at least 1, got " + duckdbThreads);
        }
        if (maxBodyBytes <= 0 || queryRowLimit <= 0 || queryTimeoutMs <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Loopback, the default port, no token, 64 KiB bodies, 1,000 rows and 10 s per query; DuckDB
     * with 1GB and one thread per core.
     */
    public static ServerOptions defaults(String version) {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, null, 64 * 1024, 1000, 10_000, version,
                DEFAULT_DUCKDB_MEMORY, Runtime.getRuntime().availableProcessors());
    }

    public ServerOptions withAddress(String newHost, int newPort, String newToken) {
        return new ServerOptions(newHost, newPort, newToken, maxBodyBytes, queryRowLimit, queryTimeoutMs, version,
                duckdbMemory, duckdbThreads);
    }

    public ServerOptions withLimits(long newMaxBody, int newRowLimit, long newTimeoutMs) {
        return new ServerOptions(host, port, token, newMaxBody, newRowLimit, newTimeoutMs, version, duckdbMemory, duckdbThreads);
    }

    public ServerOptions withDuckDb(String newMemory, int newThreads) {
        return new ServerOptions(host, port, token, maxBodyBytes, queryRowLimit, queryTimeoutMs, version, newMemory, newThreads);
    }

    /** The DuckDB settings of every connection the server opens. */
    Map<String, String> duckdbSettings() {
        return Map.of("memory_limit", duckdbMemory, "threads", Integer.toString(duckdbThreads));
    }

    static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new CeterisException("unknown --host '" + host + "'");
        }
    }
}
