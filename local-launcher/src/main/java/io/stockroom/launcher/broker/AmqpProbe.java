package io.stockroom.launcher.broker;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Tells whether an AMQP 0-9-1 broker answers at an address: sends the protocol header and expects the broker's
 * {@code connection.start} method frame (class 10, method 10) on channel 0. No client library, no login.
 */
public final class AmqpProbe {

    private static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    private static final int FRAME_METHOD = 1;
    private static final int CLASS_CONNECTION = 10;
    private static final int METHOD_START = 10;

    private AmqpProbe() {
    }

    public static boolean answers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(PROTOCOL_HEADER);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int frameType = in.readUnsignedByte();
            int channel = in.readUnsignedShort();
            in.readInt(); // payload size
            int classId = in.readUnsignedShort();
            int methodId = in.readUnsignedShort();
            return frameType == FRAME_METHOD && channel == 0 && classId == CLASS_CONNECTION && methodId == METHOD_START;
        } catch (IOException e) {
            return false;
        }
    }

}
