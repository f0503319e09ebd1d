package org.ipem.matchmaker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Opens an embedded Neo4j DBMS on a data directory with Bolt bound to 127.0.0.1.
 *
 * <p>Usage: {@code Launcher DATA_DIR PORT [--watch-stdin]}. Prints {@code READY <port>} once the
 * DBMS is open. Shuts down cleanly on SIGTERM/SIGINT; with {@code --watch-stdin} it also shuts
 * down when its standard input closes, so a parent that dies without cleaning up never leaves an
 * orphan JVM behind.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher DATA_DIR PORT [--watch-stdin]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        boolean watchStdin = args.length > 2 && "--watch-stdin".equals(args[2]);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Stopping waits this long for open transactions and Bolt connections and threads
                // (five to ten seconds each by default): the service closes its clients first, so
                // whatever is still open is abandoned work, and a service must stop in seconds.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(dbms, stopped), "neo4j-shutdown"));
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("READY " + port);
        System.out.flush();

        if (watchStdin) {
            waitForEof(System.in);
            System.exit(0);
        }
        stopped.await();
    }

    private static void waitForEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; reading only detects that it has gone.
            }
        } catch (IOException e) {
            // A broken pipe means the parent has gone too.
        }
    }

    private static synchronized void shutdown(DatabaseManagementService dbms, CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        dbms.shutdown();
        stopped.countDown();
    }
}
