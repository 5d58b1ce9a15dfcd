package io.github.jrtc.internal.capture;

import dev.onvoid.webrtc.media.MediaSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDesktopSource;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.github.jrtc.MediaTrackCapabilities;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.MediaTrackSettings;
import io.github.jrtc.internal.audio.AudioDevicePolicy;
import io.github.jrtc.internal.audio.CaptureProcessing;
import io.github.jrtc.internal.audio.MicrophoneSource;
import io.github.jrtc.internal.bridge.SourceHooks;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.bridge.VideoMode;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.jni.NativeX11Guard;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.internal.webrtcjava.NativeMedia;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture through webrtc-java: microphones through a standalone audio device module each ({@link
 * MicrophoneSource}), cameras through {@code VideoDeviceSource}, the X11 screen through {@code
 * VideoDesktopSource}.
 */
public final class NativeCapture implements CaptureBackend {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCapture.class);

  private static final NativeCapture INSTANCE = new NativeCapture();

  private NativeCapture() {}

  public static NativeCapture instance() {
    return INSTANCE;
  }

  @Override
  public TrackSource openMicrophone(UserMediaSelector.Choice choice) {
    NativeEngine engine = liveEngine();
    String id = choice.device().id();
    if (!AudioDevicePolicy.devicesAllowed()) {
      throw Errors.notReadable(
          "Sound devices are disabled (-Djrtc.audio="
              + System.getProperty("jrtc.audio")
              + "): cannot record from '"
              + choice.device().label()
              + "'");
    }
    MicrophoneSource mic =
        MicrophoneSource.open(
            engine, choice.device().label(), choice.systemDefault(), stagesOf(choice));
    AtomicReference<UserMediaSelector.Choice> current = new AtomicReference<>(choice);
    MediaTrackCapabilities caps =
        UserMediaSelector.microphoneCapabilities(id, (String) choice.settings().get("groupId"));
    SourceHooks hooks =
        new SourceHooks() {
          @Override
          public MediaTrackSettings settings() {
            return microphoneSettings(current.get());
          }

          @Override
          public MediaTrackCapabilities capabilities() {
            return caps;
          }

          /**
           * Same device; the stages the constraints choose are switched on the running microphone,
           * as browsers do. OverconstrainedError (nothing changed) when no setting of this
           * microphone satisfies them.
           */
          @Override
          public CompletableFuture<Void> applyConstraints(MediaTrackConstraints constraints) {
            try {
              synchronized (current) {
                UserMediaSelector.Choice next =
                    UserMediaSelector.reselectAudio(current.get(), constraints);
                mic.stages(stagesOf(next));
                current.set(next);
              }
              return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
              return CompletableFuture.failedFuture(e);
            }
          }

          @Override
          public void release() {
            mic.close();
          }
        };
    try {
      return NativeMedia.audioTrack(mic.nativeSource(), choice.device().label(), hooks);
    } catch (RuntimeException | Error e) {
      mic.close();
      throw e;
    }
  }

  private static CaptureProcessing.Stages stagesOf(UserMediaSelector.Choice choice) {
    return new CaptureProcessing.Stages(
        choice.flag("echoCancellation"),
        choice.flag("autoGainControl"),
        choice.flag("noiseSuppression"));
  }

  private static MediaTrackSettings microphoneSettings(UserMediaSelector.Choice choice) {
    return new MediaTrackSettings(
        choice.device().id(),
        (String) choice.settings().get("groupId"),
        null,
        null,
        null,
        null,
        null,
        null,
        UserMediaSelector.SAMPLE_RATE,
        UserMediaSelector.SAMPLE_SIZE,
        UserMediaSelector.CHANNEL_COUNT,
        choice.flag("echoCancellation"),
        choice.flag("autoGainControl"),
        choice.flag("noiseSuppression"));
  }

  /** Whether a microphone of this JVM is recording (a live track uses it). */
  public boolean isRecording() {
    return MicrophoneSource.live() > 0;
  }

  @Override
  public TrackSource openCamera(UserMediaSelector.Choice choice) {
    NativeEngine engine = liveEngine();
    VideoDevice device = WebrtcJavaDeviceBackend.camera(choice.device().id());
    if (device == null) {
      throw Errors.notFound("The camera '" + choice.device().label() + "' is gone");
    }
    VideoMode mode = choice.mode();
    VideoDeviceSource source = new VideoDeviceSource();
    try {
      source.setVideoCaptureDevice(device);
      source.setVideoCaptureCapability(
          new VideoCaptureCapability(mode.width(), mode.height(), mode.frameRate()));
      source.start();
    } catch (RuntimeException | Error e) {
      disposeQuietly(source::dispose);
      throw Errors.notReadable(
          "Could not start the camera '" + choice.device().label() + "': " + e.getMessage());
    }
    String group = (String) choice.settings().get("groupId");
    MediaTrackSettings settings =
        new MediaTrackSettings(
            choice.device().id(),
            group,
            mode.width(),
            mode.height(),
            (double) mode.frameRate(),
            mode.height() == 0 ? null : (double) mode.width() / mode.height(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    MediaTrackCapabilities caps = cameraCaps(choice);
    return video(
        engine,
        source,
        choice.device().label(),
        () -> settings,
        () -> caps,
        () -> {
          source.stop();
          source.dispose();
        });
  }

  private static MediaTrackCapabilities cameraCaps(UserMediaSelector.Choice choice) {
    return new MediaTrackCapabilities(
        choice.device().id(),
        (String) choice.settings().get("groupId"),
        choice.mode().width(),
        choice.mode().width(),
        choice.mode().height(),
        choice.mode().height(),
        (double) choice.mode().frameRate(),
        (double) choice.mode().frameRate(),
        List.of(),
        null,
        null,
        null,
        null);
  }

  /**
   * The X11 screen, or one window, through {@code VideoDesktopSource} (libwebrtc's full-desktop
   * source id for the screen, the window's XID for a window). Not through {@code ScreenCapturer} /
   * {@code WindowCapturer}: in webrtc-java 0.14.0 their {@code getDesktopSources()} is a SIGSEGV on
   * Linux (its JNI code was built without WEBRTC_USE_X11, so DesktopCaptureOptions does not match
   * libwebrtc's layout; fixed upstream in 0.15.0). The size is learnt from the first frame, which
   * getDisplayMedia waits for.
   *
   * <p>Before any capturer starts, {@link NativeX11Guard} replaces Xlib's exiting error handler:
   * libwebrtc's window capturer reads WM_STATE through an atom that is None until a window manager
   * interned it, the server answers BadAtom, and Xlib's default handler would exit the JVM. Window
   * capture is refused when that guard cannot be installed.
   */
  @Override
  public TrackSource openScreen(ScreenRequest request) {
    NativeEngine engine = liveEngine();
    String display = System.getenv("DISPLAY");
    String problem = x11Problem(display);
    if (problem != null) {
      // libwebrtc's X11 capturer dereferences a null display: never start one without a server.
      throw Errors.notFound("No screen to capture: " + problem);
    }
    Long window = request.windowId();
    NativeX11Guard.State guard = NativeX11Guard.ensureInstalled();
    if (window != null && guard == NativeX11Guard.State.UNAVAILABLE) {
      throw Errors.notReadable(
          "Window capture needs jrtc's X11 error handler (jrtc's native library, not loaded or"
              + " -Djrtc.x11Guard=false): without it libwebrtc's window capturer ends the JVM"
              + " through Xlib's default error handler when no window manager runs");
    }
    if (window != null && guard == NativeX11Guard.State.OTHER_HANDLER) {
      LOG.warn(
          "Another X11 error handler is installed (a toolkit's): it decides what the window"
              + " capturer's X errors (BadAtom without a window manager) do");
    }
    String what =
        window == null ? "the screen" : "window 0x" + Long.toHexString(window) + " of " + display;
    if (window != null && Boolean.FALSE.equals(NativeX11Guard.windowExists(window))) {
      // Not started at all: cheaper than a capture thread that fails to select it.
      throw Errors.notFound("There is no " + what);
    }
    VideoDesktopSource source = startSelected(window, request, what);
    AtomicReference<int[]> size = new AtomicReference<>();
    String id = window == null ? "screen:" + display : ScreenRequest.windowDeviceId(window);
    String surface = window == null ? "monitor" : "window";
    Supplier<MediaTrackSettings> settings =
        () -> {
          int[] wh = size.get();
          return new MediaTrackSettings(
              id,
              null,
              wh == null ? null : wh[0],
              wh == null ? null : wh[1],
              (double) request.frameRate(),
              wh == null || wh[1] == 0 ? null : (double) wh[0] / wh[1],
              null,
              surface,
              null,
              null,
              null,
              null,
              null,
              null);
        };
    Supplier<MediaTrackCapabilities> caps =
        () -> {
          int[] wh = size.get();
          return new MediaTrackCapabilities(
              id,
              null,
              1,
              wh == null ? null : wh[0],
              1,
              wh == null ? null : wh[1],
              1.0,
              (double) request.frameRate(),
              List.of(),
              null,
              null,
              null,
              null);
        };
    TrackSource track =
        video(
            engine,
            source,
            window == null ? "screen " + display : what,
            settings,
            caps,
            () -> stopAndDispose(source));
    int[] first = firstFrameSize(track);
    if (first == null) {
      track.stop();
      throw Errors.notReadable(
          (window == null ? "The screen of DISPLAY " + display : "The " + what)
              + " delivered no frame within "
              + FIRST_FRAME_TIMEOUT_MS
              + " ms"
              + (window == null ? "" : " (no such window, or it is not mapped)"));
    }
    size.set(first);
    return track;
  }

  /**
   * A started desktop source whose capture thread has selected the window or screen. No track may
   * observe the source before that: when libwebrtc's SelectSource fails, webrtc-java ends the
   * source from its capture thread, a plain platform thread, and fires the source's observers
   * there; a VideoTrack observer then dereferences the rtc::Thread that thread does not have, and
   * the JVM dies with a SIGSEGV. It did, after JavaFX had installed GTK's X error handler: jrtc's
   * window-exists check needs its own handler, so a missing window reached SelectSource
   * (docs/reliability.md). Once a source is live, webrtc-java never ends it from that thread again.
   * A failed selection is tried again ({@value #SELECT_ATTEMPTS} attempts): libwebrtc's X error
   * trap is process-wide, so another capturer's error can fail a selection that would succeed.
   */
  private static VideoDesktopSource startSelected(Long window, ScreenRequest request, String what) {
    for (int attempt = 1; ; attempt++) {
      VideoDesktopSource source = new VideoDesktopSource();
      MediaSource.State state;
      try {
        if (window == null) {
          source.setSourceId(FULL_DESKTOP, false);
        } else {
          source.setSourceId(window, true);
        }
        source.setFrameRate(request.frameRate());
        if (request.maxWidth() != null || request.maxHeight() != null) {
          source.setMaxFrameSize(
              request.maxWidth() == null ? Integer.MAX_VALUE : request.maxWidth(),
              request.maxHeight() == null ? Integer.MAX_VALUE : request.maxHeight());
        }
        source.start();
        state = awaitSelection(source);
      } catch (RuntimeException | Error e) {
        disposeQuietly(() -> stopAndDispose(source));
        throw Errors.notReadable("Could not start capturing " + what + ": " + e.getMessage());
      }
      if (state == MediaSource.State.LIVE) {
        return source;
      }
      // stop() joins the capture thread: after a failed selection it has ended already.
      disposeQuietly(() -> stopAndDispose(source));
      if (state != MediaSource.State.ENDED) {
        throw Errors.notReadable(
            "Capturing " + what + " did not start within " + FIRST_FRAME_TIMEOUT_MS + " ms");
      }
      if (window != null && Boolean.FALSE.equals(NativeX11Guard.windowExists(window))) {
        throw Errors.notFound("There is no " + what);
      }
      if (attempt == SELECT_ATTEMPTS) {
        throw window == null
            ? Errors.notReadable("libwebrtc's capturer could not select " + what)
            : Errors.notFound("There is no " + what + " that can be captured");
      }
      LOG.debug("libwebrtc's capturer did not select {} (attempt {}); trying again", what, attempt);
    }
  }

  /** Ends the capture thread (joining it), then frees the native source. */
  private static void stopAndDispose(VideoDesktopSource source) {
    source.stop();
    source.dispose();
  }

  /** The source's state once its capture thread left INITIALIZING, or INITIALIZING on timeout. */
  private static MediaSource.State awaitSelection(VideoDesktopSource source) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_FRAME_TIMEOUT_MS);
    while (true) {
      MediaSource.State state = source.getState();
      if (state != MediaSource.State.INITIALIZING || System.nanoTime() > deadline) {
        return state;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return state;
      }
    }
  }

  private static final int SELECT_ATTEMPTS = 3;
  private static final long FULL_DESKTOP = -1; // libwebrtc's kFullDesktopScreenId
  private static final long FIRST_FRAME_TIMEOUT_MS = 5000;

  /** Waits for the track's first frame through a short-lived native sink; its size, or null. */
  private static int[] firstFrameSize(TrackSource track) {
    if (!(track.nativeTrack() instanceof VideoTrack vt)) {
      return null;
    }
    CompletableFuture<int[]> size = new CompletableFuture<>();
    VideoTrackSink probe =
        frame ->
            NativeCallbacks.guard(
                "screen size probe",
                () -> {
                  try {
                    size.complete(new int[] {frame.buffer.getWidth(), frame.buffer.getHeight()});
                  } finally {
                    frame.release();
                  }
                });
    vt.addSink(probe);
    try {
      return size.get(FIRST_FRAME_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      // Not from inside the callback: libwebrtc holds its sink lock there.
      vt.removeSink(probe);
    }
  }

  /** Why no X server is reachable at {@code display}, or null when one is. */
  static String x11Problem(String display) {
    if (display == null || display.isBlank()) {
      return "DISPLAY is not set (screen capture needs an X11 display, e.g. Xvfb)";
    }
    String d = display.trim();
    int colon = d.lastIndexOf(':');
    if (colon < 0) {
      return "DISPLAY '" + display + "' is not an X11 display name";
    }
    if (colon > 0 && !d.startsWith("unix")) {
      return null; // a TCP display: libwebrtc will find out
    }
    String number = d.substring(colon + 1);
    int dot = number.indexOf('.');
    if (dot >= 0) {
      number = number.substring(0, dot);
    }
    Path socket = Path.of("/tmp/.X11-unix/X" + number);
    if (!Files.exists(socket)) {
      return "no X server socket at " + socket + " for DISPLAY " + display;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return null;
    } catch (IOException | RuntimeException e) {
      return "the X server of DISPLAY " + display + " does not answer (" + e.getMessage() + ")";
    }
  }

  private static TrackSource video(
      NativeEngine engine,
      dev.onvoid.webrtc.media.video.VideoTrackSource source,
      String label,
      Supplier<MediaTrackSettings> settings,
      Supplier<MediaTrackCapabilities> caps,
      Runnable stopCapture) {
    AtomicBoolean released = new AtomicBoolean();
    SourceHooks hooks =
        new SourceHooks() {
          @Override
          public MediaTrackSettings settings() {
            return settings.get();
          }

          @Override
          public MediaTrackCapabilities capabilities() {
            return caps.get();
          }

          @Override
          public void release() {
            if (released.compareAndSet(false, true)) {
              LIVE_VIDEO.decrementAndGet();
              disposeQuietly(stopCapture);
            }
          }
        };
    LIVE_VIDEO.incrementAndGet();
    try {
      return NativeMedia.videoTrack(source, label, hooks);
    } catch (RuntimeException | Error e) {
      hooks.release();
      throw e;
    }
  }

  private static final AtomicInteger LIVE_VIDEO = new AtomicInteger();

  /** Camera and screen captures running now (for tests: stop() must release them). */
  public static int liveVideoCaptures() {
    return LIVE_VIDEO.get();
  }

  private static NativeEngine liveEngine() {
    NativeEngine engine = NativeEngine.shared();
    if (engine.isDisposed()) {
      throw shutDown();
    }
    return engine;
  }

  private static RuntimeException shutDown() {
    return Errors.invalidState("The jrtc engine has been shut down");
  }

  private static void disposeQuietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("Releasing native capture failed", e);
    }
  }
}
