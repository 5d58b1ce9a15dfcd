// Reads and writes the native pointer that webrtc-java keeps in the private field
// `long nativeHandle` of dev.onvoid.webrtc.internal.NativeObject. jrtc needs it to identify
// wrappers (webrtc-java returns a new Java object per call), to release what webrtc-java leaks and
// to wrap the audio device module. JNI field access is not subject to Java's module
// encapsulation, so this works on the module path without --add-opens (reflection there cannot
// reach the non-exported dev.onvoid.webrtc.internal package).
#include <jni.h>

#include "webrtc_m138.h"

namespace {

jfieldID HandleField(JNIEnv* env) {
  // The class is webrtc-java's base of every native wrapper; it is never unloaded while
  // webrtc-java is in use, so the field id stays valid.
  static jfieldID field = nullptr;
  if (field == nullptr) {
    jclass cls = env->FindClass("dev/onvoid/webrtc/internal/NativeObject");
    if (cls == nullptr) {
      env->ExceptionClear();
      return nullptr;
    }
    jfieldID id = env->GetFieldID(cls, "nativeHandle", "J");
    env->DeleteLocalRef(cls);
    if (id == nullptr) {
      env->ExceptionClear();
      return nullptr;
    }
    field = id;
  }
  return field;
}

bool IsNativeObject(JNIEnv* env, jobject object) {
  jclass cls = env->FindClass("dev/onvoid/webrtc/internal/NativeObject");
  if (cls == nullptr) {
    env->ExceptionClear();
    return false;
  }
  bool is = env->IsInstanceOf(object, cls) == JNI_TRUE;
  env->DeleteLocalRef(cls);
  return is;
}

}  // namespace

extern "C" {

// Whether webrtc-java's field is where jrtc expects it.
JNIEXPORT jboolean JNICALL Java_io_github_jrtc_internal_jni_NativeHandleField_available0(JNIEnv* env,
                                                                                        jclass) {
  return HandleField(env) != nullptr ? JNI_TRUE : JNI_FALSE;
}

// The handle of `object`, or 0 when it is null or not a webrtc-java native object.
JNIEXPORT jlong JNICALL Java_io_github_jrtc_internal_jni_NativeHandleField_get0(JNIEnv* env, jclass,
                                                                               jobject object) {
  jfieldID field = HandleField(env);
  if (field == nullptr || object == nullptr || !IsNativeObject(env, object)) {
    return 0;
  }
  return env->GetLongField(object, field);
}

// Sets the handle of `object`; false when it is null or not a webrtc-java native object.
JNIEXPORT jboolean JNICALL Java_io_github_jrtc_internal_jni_NativeHandleField_set0(JNIEnv* env, jclass,
                                                                                  jobject object,
                                                                                  jlong value) {
  jfieldID field = HandleField(env);
  if (field == nullptr || object == nullptr || !IsNativeObject(env, object)) {
    return JNI_FALSE;
  }
  env->SetLongField(object, field, value);
  return JNI_TRUE;
}

// Drops one reference on the libwebrtc object at `handle` (a webrtc::RefCountInterface, whose
// vtable starts with AddRef and Release); true when that was the last one.
JNIEXPORT jboolean JNICALL Java_io_github_jrtc_internal_jni_NativeHandleField_release0(JNIEnv*, jclass,
                                                                                      jlong handle) {
  if (handle == 0) {
    return JNI_FALSE;
  }
  const auto* object = reinterpret_cast<const jrtc::m138::RefCounted*>(handle);
  // RefCountReleaseStatus::kDroppedLastRef is 0.
  return object->Release() == 0 ? JNI_TRUE : JNI_FALSE;
}

}  // extern "C"
