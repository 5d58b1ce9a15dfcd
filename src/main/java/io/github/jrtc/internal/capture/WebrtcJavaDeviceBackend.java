package io.github.jrtc.internal.capture;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.DeviceChangeListener;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import io.github.jrtc.MediaDeviceKind;
import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeviceBackend} over webrtc-java's static {@code MediaDevices}. */
final class WebrtcJavaDeviceBackend implements DeviceBackend {
  /** The native objects behind the ids handed out, for opening a camera later. */
  private static final Map<String, VideoDevice> CAMERAS = new ConcurrentHashMap<>();

  @Override
  public List<NativeDevice> audioInputs() {
    return audio(
        MediaDeviceKind.AUDIOINPUT,
        MediaDevices.getAudioCaptureDevices(),
        MediaDevices.getDefaultAudioCaptureDevice());
  }

  @Override
  public List<NativeDevice> audioOutputs() {
    return audio(
        MediaDeviceKind.AUDIOOUTPUT,
        MediaDevices.getAudioRenderDevices(),
        MediaDevices.getDefaultAudioRenderDevice());
  }

  private static List<NativeDevice> audio(
      MediaDeviceKind kind, List<AudioDevice> devices, AudioDevice byDefault) {
    List<NativeDevice> out = new ArrayList<>();
    if (devices == null) {
      return out;
    }
    for (AudioDevice d : devices) {
      NativeDevice n = toNative(kind, d);
      if (byDefault != null && Objects.equals(d.getDescriptor(), byDefault.getDescriptor())) {
        out.add(0, n);
      } else {
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public List<NativeDevice> videoInputs() {
    List<NativeDevice> out = new ArrayList<>();
    List<VideoDevice> devices = MediaDevices.getVideoCaptureDevices();
    if (devices != null) {
      for (VideoDevice d : devices) {
        NativeDevice n = toNative(MediaDeviceKind.VIDEOINPUT, d);
        CAMERAS.put(n.id(), d);
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public List<VideoMode> videoModes(NativeDevice camera) {
    VideoDevice device = CAMERAS.get(camera.id());
    List<VideoMode> out = new ArrayList<>();
    if (device == null) {
      return out;
    }
    List<VideoCaptureCapability> caps = MediaDevices.getVideoCaptureCapabilities(device);
    if (caps != null) {
      for (VideoCaptureCapability c : caps) {
        out.add(new VideoMode(c.width, c.height, c.frameRate));
      }
    }
    return out;
  }

  /** The native camera object behind an id from {@link #videoInputs()}, or null. */
  static VideoDevice camera(String id) {
    return CAMERAS.get(id);
  }

  @Override
  public void watch(Runnable onChange) {
    MediaDevices.addDeviceChangeListener(
        new DeviceChangeListener() {
          @Override
          public void deviceConnected(Device device) {
            onChange.run();
          }

          @Override
          public void deviceDisconnected(Device device) {
            onChange.run();
          }
        });
  }

  private static NativeDevice toNative(MediaDeviceKind kind, Device d) {
    String id = d.getDescriptor();
    if (id == null || id.isEmpty()) {
      id = d.getName();
    }
    return new NativeDevice(kind, id, d.getName() == null ? "" : d.getName());
  }
}
