package io.github.jrtc;

import io.github.jrtc.internal.DeviceSnapshot;
import io.github.jrtc.internal.NativeDevice;
import io.github.jrtc.internal.NativeDevices;
import io.github.jrtc.internal.SerialEventQueue;
import io.github.jrtc.internal.UserMediaSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * JS's {@code navigator.mediaDevices} ({@link Navigator#mediaDevices()}): the machine's cameras,
 * microphones and speakers, and capture from them and from the screen.
 *
 * <p>Enumeration never blocks the caller and never hangs: the native queries run on their own
 * threads with a timeout (system property {@code jrtc.devices.timeoutMs}, default 3000). Without a
 * PulseAudio server webrtc-java's audio enumeration never returns; jrtc then lists no audio devices
 * (and logs why) for the rest of the JVM's life. As a desktop library jrtc shows labels without a
 * permission prompt. Futures and events complete on jrtc's event threads.
 */
public class MediaDevices extends EventTarget {
  private static MediaDevices shared;

  private final NativeDevices devices;
  private final SerialEventQueue events = new SerialEventQueue("mediaDevices");
  private List<MediaDeviceInfo> lastSeen; // guarded by this, for devicechange

  MediaDevices(NativeDevices devices) {
    this.devices = devices;
    devices.onChange(this::devicesChanged);
  }

  static synchronized MediaDevices shared() {
    if (shared == null) {
      shared = new MediaDevices(NativeDevices.shared());
    }
    return shared;
  }

  /**
   * JS {@code enumerateDevices()}: audio inputs, then video inputs, then audio outputs, each with
   * the system default first. Never fails; a kind the platform cannot list is left out.
   */
  public CompletableFuture<List<MediaDeviceInfo>> enumerateDevices() {
    return devices.snapshot().thenApplyAsync(MediaDevices::infos, events);
  }

  static List<MediaDeviceInfo> infos(DeviceSnapshot s) {
    List<MediaDeviceInfo> out = new ArrayList<>();
    for (NativeDevice d : s.audioInputs()) {
      out.add(info(d));
    }
    for (NativeDevice d : s.videoInputs()) {
      out.add(info(d));
    }
    for (NativeDevice d : s.audioOutputs()) {
      out.add(info(d));
    }
    return List.copyOf(out);
  }

  private static MediaDeviceInfo info(NativeDevice d) {
    return new MediaDeviceInfo(d.id(), d.kind(), d.label(), UserMediaSelector.groupId(d));
  }

  /** JS {@code getSupportedConstraints()}: every property jrtc's SelectSettings knows. */
  public MediaTrackSupportedConstraints getSupportedConstraints() {
    return new MediaTrackSupportedConstraints(
        new LinkedHashSet<>(MediaTrackConstraintSet.PROPERTY_NAMES));
  }

  /**
   * JS {@code ondevicechange}: fired when a device is plugged in or removed (the native layer
   * reports it; only once audio enumeration has worked, since webrtc-java watches both kinds
   * through its audio device manager).
   */
  public void ondevicechange(EventHandler<Event> handler) {
    setEventHandler("devicechange", handler);
    CompletableFuture<List<MediaDeviceInfo>> unused = rememberCurrent();
  }

  private CompletableFuture<List<MediaDeviceInfo>> rememberCurrent() {
    return enumerateDevices()
        .thenApply(
            list -> {
              synchronized (this) {
                if (lastSeen == null) {
                  lastSeen = list;
                }
              }
              return list;
            });
  }

  private void devicesChanged() {
    CompletableFuture<List<MediaDeviceInfo>> unused =
        enumerateDevices()
            .thenApply(
                list -> {
                  boolean changed;
                  synchronized (this) {
                    changed = !list.equals(lastSeen);
                    lastSeen = list;
                  }
                  if (changed) {
                    dispatchEvent(new Event("devicechange"));
                  }
                  return list;
                });
  }

  /** The native device layer (for tests of the layers above it). */
  NativeDevices nativeDevices() {
    return devices;
  }
}
