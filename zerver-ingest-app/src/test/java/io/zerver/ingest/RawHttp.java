package io.zerver.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client that writes exact bytes on a real socket and reads exactly what comes back. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The client's own port, as the server sees it. */
    int localPort() {
        return socket.getLocalPort();
    }

    OutputStream output() {
        return out;
    }

    /** Reads one response: head, then as many body bytes as its Content-Length says. */
    Reply readResponse() throws IOException {
        Reply reply = readHead();
        return reply.withBody(in.readNBytes(reply.contentLength()));
    }

    /** Reads a response's head only: the answer to HEAD has no body whatever its Content-Length. */
    Reply readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return Reply.parseHead(head.toString(StandardCharsets.ISO_8859_1));
    }

    /** Whether the server closed the connection: end of stream (or a reset) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response as read off the wire. */
    record Reply(int status, String head, byte[] body) {

        static Reply parseHead(String head) {
            int status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, head, new byte[0]);
        }

        Reply withBody(byte[] bytes) {
            return new Reply(status, head, bytes);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        int contentLength() {
            String length = header("Content-Length");
            return length == null ? 0 : Integer.parseInt(length);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
