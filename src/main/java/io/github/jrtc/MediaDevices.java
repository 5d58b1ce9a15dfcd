package io.github.jrtc;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.capture.CaptureBackend;
import io.github.jrtc.internal.capture.DeviceSnapshot;
import io.github.jrtc.internal.capture.NativeCapture;
import io.github.jrtc.internal.capture.NativeDevices;
import io.github.jrtc.internal.capture.UserMediaSelector;
import io.github.jrtc.internal.loop.EventThreads;
import io.github.jrtc.internal.loop.Futures;
import io.github.jrtc.internal.loop.SerialEventQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JS's {@code navigator.mediaDevices} ({@link Navigator#mediaDevices()}): the machine's cameras,
 * microphones and speakers, and capture from them and from the screen.
 *
 * <p>Enumeration never blocks the caller and never hangs: the native queries run on their own
 * threads with a timeout (system property {@code jrtc.devices.timeoutMs}, default 5000). Without a
 * PulseAudio server webrtc-java's audio enumeration never returns; jrtc then lists no audio devices
 * (and logs why) and does not ask again while that call is stuck. As a desktop library jrtc shows
 * labels without a permission prompt. Futures and events complete on jrtc's event threads.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices">MDN</a>.
 */
public class MediaDevices extends EventTarget {
  private static MediaDevices shared;

  /** Opening capture makes blocking native calls: never on the caller's or an event thread. */
  private static final ExecutorService CAPTURE_THREAD =
      Executors.newSingleThreadExecutor(EventThreads.daemonFactory("jrtc-capture-"));

  private static final int DEFAULT_SCREEN_FRAME_RATE = 30;

  private final NativeDevices devices;
  private final CaptureBackend capture;
  private final SerialEventQueue events = new SerialEventQueue("mediaDevices");
  private List<MediaDeviceInfo> lastSeen; // guarded by this, for devicechange

  MediaDevices(NativeDevices devices, CaptureBackend capture) {
    this.devices = devices;
    this.capture = capture;
    devices.onChange(this::devicesChanged);
  }

  static synchronized MediaDevices shared() {
    if (shared == null) {
      shared = new MediaDevices(NativeDevices.shared(), NativeCapture.instance());
    }
    return shared;
  }

  /**
   * JS {@code getUserMedia()} without constraints: rejected with a TypeError, as in JS.
   *
   * @return a future failed with a TypeError
   */
  public CompletableFuture<MediaStream> getUserMedia() {
    return getUserMedia(new MediaStreamConstraints());
  }

  /**
   * JS {@code getUserMedia(constraints)}: a stream with one live track per requested kind, chosen
   * with the spec's SelectSettings over every format of every device. Fails with a TypeError when
   * nothing is requested, NotFoundError when there is no device of a requested kind,
   * OverconstrainedError (with {@code constraint()}) when no device satisfies a required
   * constraint, NotReadableError when the device cannot be opened (a headless audio module, a
   * camera in use). Stopping every track releases the device.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getUserMedia">MDN</a>.
   *
   * @param constraints which kinds, and constraints on each
   * @return the stream
   */
  public CompletableFuture<MediaStream> getUserMedia(MediaStreamConstraints constraints) {
    try {
      UserMediaSelector.validate(constraints);
    } catch (RuntimeException e) {
      return failed(e);
    }
    return deliver(
        devices
            .snapshot()
            .thenApplyAsync(
                s -> open(UserMediaSelector.select(s, constraints), constraints), CAPTURE_THREAD));
  }

  private MediaStream open(
      UserMediaSelector.Selection selection, MediaStreamConstraints constraints) {
    List<MediaStreamTrack> tracks = new ArrayList<>();
    try {
      // The spec's getUserMedia stores the constraints the track was selected with: what
      // getConstraints() returns until applyConstraints replaces them.
      if (selection.audio() != null) {
        MediaStreamTrack t = new MediaStreamTrack(capture.openMicrophone(selection.audio()));
        t.appliedConstraints(constraints.audio());
        tracks.add(t);
      }
      if (selection.video() != null) {
        MediaStreamTrack t = new MediaStreamTrack(capture.openCamera(selection.video()));
        t.appliedConstraints(constraints.video());
        tracks.add(t);
      }
    } catch (RuntimeException | Error e) {
      tracks.forEach(MediaStreamTrack::stop);
      throw e;
    }
    return new MediaStream(tracks);
  }

  /**
   * JS {@code getDisplayMedia()}: the whole screen, at up to 30 frames per second.
   *
   * @return the stream
   */
  public CompletableFuture<MediaStream> getDisplayMedia() {
    return getDisplayMedia(new DisplayMediaStreamOptions());
  }

  /**
   * JS {@code getDisplayMedia(options)}: captures the X11 screen (there is no picker: the first
   * screen), or one X11 window when the video constraints name it with the non-standard {@code
   * deviceId: "window:<xid>"} ({@link #WINDOW_DEVICE_PREFIX}; the track's settings then say {@code
   * displaySurface: "window"}). Video constraints may only use {@code max} and {@code ideal} (else
   * TypeError, as the spec says); width/height cap the frame size (downscaled keeping the aspect
   * ratio), frameRate sets the rate. Audio capture of the screen is not available: {@code audio} is
   * ignored and the stream has no audio track, which the spec allows.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getDisplayMedia">MDN</a>.
   *
   * @param options video constraints; null means the defaults
   * @return the stream
   */
  public CompletableFuture<MediaStream> getDisplayMedia(DisplayMediaStreamOptions options) {
    CaptureBackend.ScreenRequest request;
    try {
      request = screenRequest(options);
    } catch (RuntimeException e) {
      return failed(e);
    }
    return deliver(
        CompletableFuture.supplyAsync(
            () -> {
              MediaStreamTrack t = new MediaStreamTrack(capture.openScreen(request));
              t.appliedConstraints(options.video());
              return new MediaStream(List.of(t));
            },
            CAPTURE_THREAD));
  }

  static CaptureBackend.ScreenRequest screenRequest(DisplayMediaStreamOptions options) {
    if (options == null || options.video() == null) {
      throw new TypeError("getDisplayMedia needs video: {video: false} is not allowed");
    }
    MediaTrackConstraints video = options.video();
    if (!video.advanced().isEmpty()) {
      throw new TypeError("getDisplayMedia does not allow advanced constraints");
    }
    for (var e : video.asMap().entrySet()) {
      Object c = e.getValue();
      boolean forbidden =
          (c instanceof ConstrainULong u && (u.min() != null || u.exact() != null))
              || (c instanceof ConstrainDouble d && (d.min() != null || d.exact() != null))
              || (c instanceof ConstrainDOMString s && s.exact() != null)
              || (c instanceof ConstrainBoolean b && b.exact() != null);
      if (forbidden) {
        throw new TypeError(
            "getDisplayMedia does not allow min or exact constraints (" + e.getKey() + ")");
      }
    }
    Integer maxWidth = limit(video.width());
    Integer maxHeight = limit(video.height());
    int frameRate = DEFAULT_SCREEN_FRAME_RATE;
    ConstrainDouble fr = video.frameRate();
    if (fr != null) {
      Double v = fr.max() != null ? fr.max() : fr.ideal();
      if (fr.max() != null && fr.ideal() != null) {
        v = Math.min(fr.max(), fr.ideal());
      }
      if (v != null) {
        frameRate = (int) Math.max(1, Math.min(60, Math.round(v)));
      }
    }
    return new CaptureBackend.ScreenRequest(maxWidth, maxHeight, frameRate, windowId(video));
  }

  /** The prefix of the deviceId that picks one X11 window for getDisplayMedia. */
  public static final String WINDOW_DEVICE_PREFIX =
      CaptureBackend.ScreenRequest.WINDOW_DEVICE_PREFIX;

  /**
   * The XID of {@code deviceId: "window:<xid>"} (decimal, or hex with 0x), or null. Not standard:
   * browsers let the user pick the surface; jrtc has no picker, so this names the window.
   */
  private static Long windowId(MediaTrackConstraints video) {
    ConstrainDOMString id = video.deviceId();
    if (id == null || id.ideal() == null) {
      return null;
    }
    for (String v : id.ideal()) {
      if (v.startsWith(WINDOW_DEVICE_PREFIX)) {
        String xid = v.substring(WINDOW_DEVICE_PREFIX.length()).trim();
        try {
          long parsed =
              xid.startsWith("0x") || xid.startsWith("0X")
                  ? Long.parseUnsignedLong(xid.substring(2), 16)
                  : Long.parseUnsignedLong(xid);
          if (parsed <= 0 || parsed > 0xffffffffL) {
            throw new NumberFormatException("not an X11 XID");
          }
          return parsed;
        } catch (NumberFormatException e) {
          throw new TypeError(
              "deviceId '" + v + "': expected window:<XID> (decimal or 0x hex), " + e.getMessage());
        }
      }
    }
    return null;
  }

  private static Integer limit(ConstrainULong c) {
    if (c == null) {
      return null;
    }
    Long v = c.max() != null ? c.max() : c.ideal();
    if (c.max() != null && c.ideal() != null) {
      v = Math.min(c.max(), c.ideal());
    }
    return v == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(1, v));
  }

  /** Settles on the event queue, never before the call returned; the cause is the exception. */
  private <T> CompletableFuture<T> deliver(CompletableFuture<T> work) {
    CompletableFuture<T> out = new CompletableFuture<>();
    Futures.onComplete(
        work,
        (v, e) ->
            events.execute(
                () -> {
                  if (e == null) {
                    out.complete(v);
                  } else {
                    out.completeExceptionally(
                        e instanceof CompletionException && e.getCause() != null
                            ? e.getCause()
                            : e);
                  }
                }));
    return out;
  }

  private <T> CompletableFuture<T> failed(RuntimeException e) {
    CompletableFuture<T> out = new CompletableFuture<>();
    events.execute(() -> out.completeExceptionally(e));
    return out;
  }

  /**
   * JS {@code enumerateDevices()}: audio inputs, then video inputs, then audio outputs, each with
   * the system default first. Never fails; a kind the platform cannot list is left out.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/enumerateDevices">MDN</a>.
   *
   * @return the devices
   */
  public CompletableFuture<List<MediaDeviceInfo>> enumerateDevices() {
    return devices.snapshot().thenApplyAsync(MediaDevices::infos, events);
  }

  static List<MediaDeviceInfo> infos(DeviceSnapshot s) {
    List<MediaDeviceInfo> out = new ArrayList<>();
    for (NativeDevice d : s.audioInputs()) {
      out.add(
          new InputDeviceInfo(
              d.id(),
              d.kind(),
              d.label(),
              UserMediaSelector.groupId(d),
              UserMediaSelector.microphoneCapabilities(d)));
    }
    for (NativeDevice d : s.videoInputs()) {
      out.add(
          new InputDeviceInfo(
              d.id(),
              d.kind(),
              d.label(),
              UserMediaSelector.groupId(d),
              UserMediaSelector.cameraCapabilities(d, s.modesOf(d))));
    }
    for (NativeDevice d : s.audioOutputs()) {
      out.add(info(d));
    }
    return List.copyOf(out);
  }

  private static MediaDeviceInfo info(NativeDevice d) {
    return new MediaDeviceInfo(d.id(), d.kind(), d.label(), UserMediaSelector.groupId(d));
  }

  /**
   * JS {@code getSupportedConstraints()}: every property jrtc's SelectSettings knows.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getSupportedConstraints">MDN</a>.
   *
   * @return which constraints jrtc understands
   */
  public MediaTrackSupportedConstraints getSupportedConstraints() {
    return new MediaTrackSupportedConstraints(
        new LinkedHashSet<>(MediaTrackConstraintSet.PROPERTY_NAMES));
  }

  /**
   * JS {@code ondevicechange}: fired when a device is plugged in or removed (the native layer
   * reports it; only once audio enumeration has worked, since webrtc-java watches both kinds
   * through its audio device manager).
   *
   * @param handler the handler, or null
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
