// Picks a recording or playout device of a standalone webrtc-java AudioDeviceModule by position.
//
// webrtc-java selects a device only by its guid, and libwebrtc's PulseAudio module gives every
// device an empty guid: webrtc-java then always lands on position 0, the system default. These
// calls find a device by the name the module lists it under (PulseAudio's description of the
// source or sink; position 0 is the default and is skipped) and select that position directly.
//
// Rules kept here: no allocation, no C++ exception; a bad handle is the caller's to avoid (the
// Java side passes only live modules).
#include <jni.h>

#include <cstring>

#include "webrtc_m138.h"

namespace {

using jrtc::m138::AudioDeviceModule;

constexpr int kAdmMaxDeviceNameSize = 128;  // modules/audio_device/include/audio_device_defines.h
constexpr int kAdmMaxGuidSize = 128;

// Position (>= 1) of the one device called `wanted`; -1 when none is, -2 when several are.
int find(JNIEnv* env, jlong handle, jstring wanted, bool recording) {
  if (handle == 0 || wanted == nullptr) {
    return -1;
  }
  const char* name = env->GetStringUTFChars(wanted, nullptr);
  if (name == nullptr) {
    return -1;  // OutOfMemoryError pending
  }
  auto* module = reinterpret_cast<AudioDeviceModule*>(handle);
  int count = recording ? module->RecordingDevices() : module->PlayoutDevices();
  int found = -1;
  for (int i = 1; i < count && i <= 0xFFFF; ++i) {
    char listed[kAdmMaxDeviceNameSize] = {};
    char guid[kAdmMaxGuidSize] = {};
    int rc = recording ? module->RecordingDeviceName(static_cast<uint16_t>(i), listed, guid)
                       : module->PlayoutDeviceName(static_cast<uint16_t>(i), listed, guid);
    listed[kAdmMaxDeviceNameSize - 1] = '\0';
    if (rc == 0 && std::strcmp(listed, name) == 0) {
      if (found != -1) {
        found = -2;
        break;
      }
      found = i;
    }
  }
  env->ReleaseStringUTFChars(wanted, name);
  return found;
}

}  // namespace

extern "C" {

JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeAudioDevices_findRecordingDevice(
    JNIEnv* env, jclass, jlong handle, jstring name) {
  return find(env, handle, name, true);
}

JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeAudioDevices_findPlayoutDevice(
    JNIEnv* env, jclass, jlong handle, jstring name) {
  return find(env, handle, name, false);
}

// libwebrtc's own result: 0 on success.
JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeAudioDevices_setRecordingDevice(
    JNIEnv*, jclass, jlong handle, jint index) {
  if (handle == 0 || index < 0 || index > 0xFFFF) {
    return -1;
  }
  return reinterpret_cast<AudioDeviceModule*>(handle)->SetRecordingDevice(
      static_cast<uint16_t>(index));
}

JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeAudioDevices_setPlayoutDevice(
    JNIEnv*, jclass, jlong handle, jint index) {
  if (handle == 0 || index < 0 || index > 0xFFFF) {
    return -1;
  }
  return reinterpret_cast<AudioDeviceModule*>(handle)->SetPlayoutDevice(
      static_cast<uint16_t>(index));
}

}  // extern "C"
