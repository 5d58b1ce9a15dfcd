package io.github.jrtc.internal.jni;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import io.github.jrtc.internal.spec.Errors;

/**
 * Selects a standalone audio device module's input or output by name ({@code
 * native/src/audio_device_select.cpp}). webrtc-java selects only by guid, and libwebrtc's
 * PulseAudio module lists every device with an empty guid, so through webrtc-java alone every
 * module records from and plays to the system default.
 */
public final class NativeAudioDevices {
  /** No device of that name, or jrtc's native library is not loaded. */
  static final int NONE = -1;

  /** Several devices share the name: picking one would be a guess. */
  static final int AMBIGUOUS = -2;

  private NativeAudioDevices() {}

  static boolean available() {
    return NativeLibrary.loaded();
  }

  /** The module's position (1 and up) for the input called {@code label}, or NONE / AMBIGUOUS. */
  public static int findInput(AudioDeviceModule module, String label) {
    long handle = NativeHandleField.get(module);
    return available() && handle != 0 ? findRecordingDevice(handle, label) : NONE;
  }

  /** The module's position (1 and up) for the output called {@code label}, or NONE / AMBIGUOUS. */
  public static int findOutput(AudioDeviceModule module, String label) {
    long handle = NativeHandleField.get(module);
    return available() && handle != 0 ? findPlayoutDevice(handle, label) : NONE;
  }

  /** Selects the input at {@code index}; false when the module refuses it. */
  public static boolean selectInput(AudioDeviceModule module, int index) {
    long handle = NativeHandleField.get(module);
    return handle != 0 && setRecordingDevice(handle, index) == 0;
  }

  /** Selects the output at {@code index}; false when the module refuses it. */
  public static boolean selectOutput(AudioDeviceModule module, int index) {
    long handle = NativeHandleField.get(module);
    return handle != 0 && setPlayoutDevice(handle, index) == 0;
  }

  /**
   * The NotReadableError for a device {@link #findInput}/{@link #findOutput} could not place
   * ({@code what}: "input" or "output").
   */
  public static io.github.jrtc.DOMException cannotSelect(String what, String label, int position) {
    return Errors.notReadable(
        position == AMBIGUOUS
            ? "Several audio " + what + "s are called '" + label + "': cannot tell which to use"
            : "Cannot select the audio "
                + what
                + " '"
                + label
                + "'"
                + (available()
                    ? ": the sound system no longer lists it"
                    : " without jrtc's native library (webrtc-java alone uses only the default "
                        + what
                        + ")"));
  }

  private static native int findRecordingDevice(long handle, String name);

  private static native int findPlayoutDevice(long handle, String name);

  private static native int setRecordingDevice(long handle, int index);

  private static native int setPlayoutDevice(long handle, int index);
}
