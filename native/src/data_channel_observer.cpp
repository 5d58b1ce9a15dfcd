// jrtc's own webrtc::DataChannelObserver, registered in place of webrtc-java 0.14.0's.
//
// webrtc-java's observer creates two JNI local references per message and never deletes them
// (devopvoid/webrtc-java#265). libwebrtc calls observers on its signaling thread, which was
// attached to the JVM once and never returns to Java, so those references pin both objects for
// the life of the process. This observer scopes every reference it makes to one callback.
//
// Rules kept here: no C++ exception leaves a function of this file, and no Java exception is left
// pending when control returns to libwebrtc (it is cleared and handed to Java for logging).
#include <jni.h>

#include <atomic>
#include <new>

#include "webrtc_m138.h"

namespace {

JavaVM* g_vm = nullptr;

class Observer;
// The observer whose callback this thread is in, so that an unregister from inside it (which
// jrtc never does: its callbacks only hand off) defers the delete instead of freeing a live frame.
thread_local Observer* t_in_callback = nullptr;

// Non-null capacity-0 buffers need an address; JNI leaves a null address undefined.
uint8_t g_empty[1];

JNIEnv* CurrentEnv() {
  JNIEnv* env = nullptr;
  jint rc = g_vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8);
  if (rc == JNI_OK) {
    return env;
  }
  if (rc != JNI_EDETACHED) {
    return nullptr;
  }
  // libwebrtc's signaling thread is attached by webrtc-java before any data channel exists;
  // should that ever not hold, attach as a daemon so the JVM can still exit. Never detached:
  // the thread belongs to libwebrtc and keeps calling back.
  JavaVMAttachArgs args{JNI_VERSION_1_8, const_cast<char*>("jrtc-datachannel-callback"), nullptr};
  if (g_vm->AttachCurrentThreadAsDaemon(reinterpret_cast<void**>(&env), &args) != JNI_OK) {
    return nullptr;
  }
  return env;
}

class Observer final : public jrtc::m138::DataChannelObserver {
 public:
  Observer(jrtc::m138::DataChannelInterface* channel, jobject sink, jmethodID on_state,
           jmethodID on_message, jmethodID on_buffered, jmethodID on_failure)
      : channel_(channel),
        sink_(sink),
        on_state_(on_state),
        on_message_(on_message),
        on_buffered_(on_buffered),
        on_failure_(on_failure) {}

  ~Observer() override = default;

  // Deletes the global reference; called only once libwebrtc can no longer call back.
  void Dispose(JNIEnv* env) {
    if (t_in_callback == this) {
      disposed_ = true;  // freed when the callback unwinds
      return;
    }
    env->DeleteGlobalRef(sink_);
    delete this;
  }

  // A channel closed because its transport failed (the peer's connection closed: an SCTP ABORT)
  // carries libwebrtc's error, from which jrtc fires "error" before "close". Read here, inside
  // the callback, where the channel answers with the cached values of this very event.
  void OnStateChange() override {
    Call([this](JNIEnv* env) {
      jint error_type = 0;
      jint error_detail = 0;
      jint sctp_cause = -1;
      if (channel_->state() == jrtc::m138::DataChannelInterface::kClosed) {
        jrtc::m138::RTCError error = channel_->error();
        error_type = error.type;
        error_detail = error.error_detail;
        sctp_cause = error.has_sctp_cause_code ? error.sctp_cause_code : -1;
      }
      env->CallVoidMethod(sink_, on_state_, error_type, error_detail, sctp_cause);
    });
  }

  void OnMessage(const jrtc::m138::DataBuffer& buffer) override {
    Call([this, &buffer](JNIEnv* env) {
      const jrtc::m138::CopyOnWriteBuffer& cow = buffer.data;
      uint8_t* data = cow.buffer == nullptr ? nullptr : cow.buffer->data + cow.offset;
      size_t size = data == nullptr ? 0 : cow.size;
      // Valid for this callback only: the Java side copies before returning.
      jobject bytes = env->NewDirectByteBuffer(size == 0 ? g_empty : data,
                                               static_cast<jlong>(size));
      if (bytes == nullptr) {
        return;  // OutOfMemoryError pending: reported by Call
      }
      env->CallVoidMethod(sink_, on_message_, bytes, static_cast<jboolean>(buffer.binary));
    });
  }

  void OnBufferedAmountChange(uint64_t sent_data_size) override {
    Call([this, sent_data_size](JNIEnv* env) {
      env->CallVoidMethod(sink_, on_buffered_, static_cast<jlong>(sent_data_size));
    });
  }

  // false: libwebrtc's adapter delivers on the signaling thread, as it did for webrtc-java's
  // observer, where jrtc's state reads from inside a callback see the cached state.
  bool IsOkToCallOnTheNetworkThread() override { return false; }

 private:
  template <typename F>
  void Call(F&& body) noexcept {
    try {
      JNIEnv* env = CurrentEnv();
      if (env == nullptr) {
        return;
      }
      if (env->PushLocalFrame(8) != JNI_OK) {
        env->ExceptionClear();
        return;
      }
      Observer* outer = t_in_callback;
      t_in_callback = this;
      body(env);
      ReportPending(env);
      env->PopLocalFrame(nullptr);
      t_in_callback = outer;
      if (disposed_) {
        env->DeleteGlobalRef(sink_);
        delete this;
      }
    } catch (...) {
      // Nothing in body throws C++ exceptions; this only keeps libwebrtc's stack safe.
    }
  }

  void ReportPending(JNIEnv* env) {
    jthrowable failure = env->ExceptionOccurred();
    if (failure == nullptr) {
      return;
    }
    env->ExceptionClear();
    env->CallVoidMethod(sink_, on_failure_, failure);
    if (env->ExceptionCheck()) {
      env->ExceptionClear();  // logging itself failed: nothing more can be done here
    }
  }

  // Outlives the observer: jrtc unregisters before releasing the channel.
  jrtc::m138::DataChannelInterface* const channel_;
  const jobject sink_;
  const jmethodID on_state_;
  const jmethodID on_message_;
  const jmethodID on_buffered_;
  const jmethodID on_failure_;
  bool disposed_ = false;
};

jrtc::m138::DataChannelInterface* ChannelOf(jlong handle) {
  return reinterpret_cast<jrtc::m138::DataChannelInterface*>(static_cast<intptr_t>(handle));
}

void ThrowNew(JNIEnv* env, const char* class_name, const char* message) {
  jclass cls = env->FindClass(class_name);
  if (cls != nullptr) {
    env->ThrowNew(cls, message);
  }
}

}  // namespace

extern "C" {

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  g_vm = vm;
  return JNI_VERSION_1_8;
}

// Returns the observer's address, or 0 with a Java exception pending.
JNIEXPORT jlong JNICALL Java_io_github_jrtc_internal_jni_NativeDataChannelObserver_register(
    JNIEnv* env, jclass, jlong channel_handle, jobject sink) {
  try {
    if (channel_handle == 0 || sink == nullptr) {
      ThrowNew(env, "java/lang/IllegalArgumentException", "no channel or no sink");
      return 0;
    }
    jclass cls = env->GetObjectClass(sink);
    jmethodID on_state = env->GetMethodID(cls, "onStateChange", "(III)V");
    jmethodID on_message = on_state == nullptr
                               ? nullptr
                               : env->GetMethodID(cls, "onMessage", "(Ljava/nio/ByteBuffer;Z)V");
    jmethodID on_buffered =
        on_message == nullptr ? nullptr : env->GetMethodID(cls, "onBufferedAmountChange", "(J)V");
    jmethodID on_failure =
        on_buffered == nullptr
            ? nullptr
            : env->GetMethodID(cls, "onCallbackFailure", "(Ljava/lang/Throwable;)V");
    env->DeleteLocalRef(cls);
    if (on_failure == nullptr) {
      return 0;  // NoSuchMethodError pending
    }
    jobject global = env->NewGlobalRef(sink);
    if (global == nullptr) {
      return 0;
    }
    Observer* observer = new (std::nothrow) Observer(ChannelOf(channel_handle), global, on_state,
                                                     on_message, on_buffered, on_failure);
    if (observer == nullptr) {
      env->DeleteGlobalRef(global);
      ThrowNew(env, "java/lang/OutOfMemoryError", "data channel observer");
      return 0;
    }
    // The proxy bypasses to SctpDataChannel::RegisterObserver, which blocks on the signaling
    // and network threads and then delivers any messages queued before an observer existed.
    ChannelOf(channel_handle)->RegisterObserver(observer);
    return static_cast<jlong>(reinterpret_cast<intptr_t>(observer));
  } catch (...) {
    ThrowNew(env, "java/lang/IllegalStateException", "registering the data channel observer failed");
    return 0;
  }
}

// Unregisters and frees the observer. After UnregisterObserver returns libwebrtc calls it no
// more: the network thread's pointer is cleared and the signaling-thread adapter's pending tasks
// are cancelled, both by blocking calls. Must not run on the signaling thread inside one of this
// observer's callbacks (jrtc only ever calls it from its own threads).
JNIEXPORT void JNICALL Java_io_github_jrtc_internal_jni_NativeDataChannelObserver_unregister(
    JNIEnv* env, jclass, jlong channel_handle, jlong observer_handle) {
  try {
    if (channel_handle == 0 || observer_handle == 0) {
      return;
    }
    ChannelOf(channel_handle)->UnregisterObserver();
    reinterpret_cast<Observer*>(static_cast<intptr_t>(observer_handle))->Dispose(env);
  } catch (...) {
    ThrowNew(env, "java/lang/IllegalStateException",
             "unregistering the data channel observer failed");
  }
}

}  // extern "C"
