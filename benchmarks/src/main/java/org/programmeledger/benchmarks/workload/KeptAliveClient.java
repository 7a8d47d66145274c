package org.programmeledger.benchmarks.workload;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * W5's clients: HTTP/1.1 over one kept-alive socket per client thread, as a load generator's would be. The JDK's
 * {@code HttpClient} took 18% of the measuring JVM's processor time during W5 (its selector thread and the clients'
 * own), about 0.19 ms a request on the two cores the server runs on, where the whole JVM spends 0.06 ms a row of the
 * raw baseline (BENCHMARKS.md, round 17). A connection idle longer than {@link #IDLE_MILLIS} is opened anew rather
 * than written to, so that a request never meets a connection the server has just closed.
 */
final class KeptAliveClient implements AutoCloseable {

    /** A response's status and body. */
    record Answer(int status, String body) {
    }

    private static final long IDLE_MILLIS = 5_000;
    private static final int MAX_BODY = 1 << 20;

    private final InetSocketAddress server;
    private final String hostHeader;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();

    KeptAliveClient(String host, int port) {
        this.server = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
    }

    /** POSTs {@code json} to {@code path} with the given headers' values, on this thread's connection. */
    Answer postJson(String path, String authorization, byte[] json) throws IOException {
        Connection current = connection.get();
        if (current != null && System.currentTimeMillis() - current.lastUsed > IDLE_MILLIS) {
            current.close();
            current = null;
        }
        if (current == null) {
            current = open();
            connection.set(current);
        }
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n";
        current.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        current.out.write(json);
        current.out.flush();
        Answer answer = current.read();
        current.lastUsed = System.currentTimeMillis();
        if (current.closing) {
            current.close();
            connection.remove();
        }
        return answer;
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server);
        Connection opening = new Connection(socket);
        opened.add(opening);
        return opening;
    }

    @Override
    public void close() {
        opened.forEach(Connection::close);
        opened.clear();
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private long lastUsed = System.currentTimeMillis();
        private boolean closing;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        private Answer read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closing = value.contains("close");
                    default -> { }
                }
            }
            byte[] body;
            if (chunked) {
                body = chunks();
            } else if (length >= 0) {
                body = exactly(length);
            } else {
                body = in.readNBytes(MAX_BODY);
                closing = true;
            }
            return new Answer(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(); ; size = line()) {
                int semicolon = size.indexOf(';');
                long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (chunk == 0) {
                    while (!line().isEmpty()) {
                        // trailers are not used
                    }
                    return body.toByteArray();
                }
                body.write(exactly(chunk));
                line();
            }
        }

        private byte[] exactly(long length) throws IOException {
            if (length > MAX_BODY) {
                throw new IOException("a response body of " + length + " bytes");
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("the connection ended " + (length - bytes.length) + " bytes into a body");
            }
            return bytes;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection mid-response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void close() {
            opened.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that is already gone
            }
        }
    }
}
