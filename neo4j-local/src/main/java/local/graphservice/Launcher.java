package local.graphservice;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs the embedded Neo4j Community engine with only a Bolt connector, so that a
 * local Neo4j exists without the server tarball (which is not on Maven Central).
 *
 * Usage: Launcher --data DIR [--port 7687] [--pagecache 512m]
 * Prints "NEO4J-LOCAL READY bolt://127.0.0.1:PORT" once Bolt answers a handshake.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) {
        Path home = null;
        int port = 7687;
        String pageCache = "512m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> home = Path.of(require(args[i], value)).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--pagecache" -> pageCache = require(args[i], value);
                default -> fail("unknown argument: " + args[i]);
            }
            i++;
        }
        if (home == null) {
            fail("usage: Launcher --data DIR [--port 7687] [--pagecache 512m]");
        }

        try {
            run(home, port, pageCache);
        } catch (Throwable t) {
            // E.g. port already bound or store locked by another process.
            System.err.println("NEO4J-LOCAL FAILED: " + t);
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path home, int port, String pageCache) throws Exception {
        Files.createDirectories(home);
        Path pidFile = home.resolve("neo4j-local.pid");

        // Home holds data/ and logs/ (Neo4j's defaults relative to home).
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                // Advertise the real port so neo4j:// routing tables point back here.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Server-side routing opens a second port (7688), which would
                // collide when several instances run side by side.
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                // A runaway query in development should not hang forever.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
                // Dev/test stores: don't reserve 256 MiB per transaction log up front.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // Local tool: no usage reports to the internet.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default 5 s quiet period per event loop adds ~10 s to every
                // stop although the stores are already closed by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        // Written only now that the store lock is ours, so a second launcher on
        // the same directory fails in build() without clobbering this file.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run shutdown hooks: flush and close the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                Files.deleteIfExists(pidFile);
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));

        // Crash recovery already ran inside build(); still wait for the default
        // database, then prove that both the engine and the Bolt port answer.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(3).toMillis())) {
            throw new IllegalStateException("default database did not become available");
        }
        db.executeTransactionally("RETURN 1");
        boltHandshake(port);

        System.out.println("NEO4J-LOCAL READY bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /** Opens a TCP connection and checks that the server agrees on a Bolt version. */
    private static void boltHandshake(int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 2000);
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                // Magic preamble, then four proposals: 5.0-5.8, 4.4, and two empty slots.
                out.write(new byte[] {
                        0x60, 0x60, (byte) 0xB0, 0x17,
                        0, 8, 8, 5,
                        0, 0, 4, 4,
                        0, 0, 0, 0,
                        0, 0, 0, 0});
                out.flush();
                int agreed = new DataInputStream(s.getInputStream()).readInt();
                if (agreed != 0) {
                    return;
                }
                last = new IOException("server rejected all proposed Bolt versions");
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("Bolt on " + HOST + ":" + port + " did not answer", last);
    }

    private static String require(String flag, String value) {
        if (value == null) {
            fail("missing value for " + flag);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
