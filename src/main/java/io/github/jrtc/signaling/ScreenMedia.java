package io.github.jrtc.signaling;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.Navigator;
import io.github.jrtc.RTCPeerConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's {@code --send screen}: each call gets the screen from {@code getDisplayMedia()}, as a
 * browser callee would; hanging up stops that capture. Video only (a screen has no audio here).
 */
public final class ScreenMedia implements CallBot.Media {
  private final Map<RTCPeerConnection, MediaStream> streams = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Void> attach(RTCPeerConnection pc, String peer) {
    return Navigator.mediaDevices()
        .getDisplayMedia()
        .thenAccept(
            stream -> {
              streams.put(pc, stream);
              for (MediaStreamTrack track : stream.getTracks()) {
                pc.addTrack(track, stream);
              }
            });
  }

  @Override
  public void detach(RTCPeerConnection pc, String peer) {
    MediaStream stream = streams.remove(pc);
    if (stream != null) {
      stream.getTracks().forEach(MediaStreamTrack::stop);
    }
  }
}
