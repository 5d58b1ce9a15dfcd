// A webrtc::AudioDeviceModule that wraps the factory's (webrtc-java's headless module) and never
// records.
//
// libwebrtc's AudioState starts the factory module's recording on its worker thread whenever a
// send stream starts; the headless module's capture thread then calls every sending stream's
// AudioSendStream::SendAudioData while jrtc's audio thread pushes into the same streams through
// custom sources, and that method's race checker aborts the JVM. jrtc sends all audio by pushing,
// so the factory's module has nothing to record: this wrapper refuses InitRecording and
// StartRecording and reports recording as never initialised. Everything else, playout included
// (remote audio reaches remote track sinks through the module's render thread), is forwarded.
//
// Rules kept here: no C++ exception can arise (no allocation after construction), and the inner
// module's reference is given back exactly once, on the wrapper's last Release.
#include <jni.h>

#include <atomic>
#include <new>

#include "webrtc_m138.h"

namespace {

using jrtc::m138::AudioDeviceModule;
using jrtc::m138::AudioTransport;
using jrtc::m138::OptionalAudioDeviceStats;

std::atomic<int64_t> g_refused_init{0};
std::atomic<int64_t> g_refused_start{0};
std::atomic<int64_t> g_live{0};

// api/ref_count.h RefCountReleaseStatus.
constexpr int kDroppedLastRef = 0;
constexpr int kOtherRefsRemained = 1;

class NoRecordingModule final : public AudioDeviceModule {
 public:
  // Takes over one reference on `inner` (the one webrtc-java's Java object held).
  explicit NoRecordingModule(AudioDeviceModule* inner) : inner_(inner) { g_live.fetch_add(1); }

  void AddRef() const override { refs_.fetch_add(1, std::memory_order_relaxed); }

  int Release() const override {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete this;
      return kDroppedLastRef;
    }
    return kOtherRefsRemained;
  }

  int32_t ActiveAudioLayer(AudioLayer* l) const override { return inner_->ActiveAudioLayer(l); }
  int32_t RegisterAudioCallback(AudioTransport* c) override {
    return inner_->RegisterAudioCallback(c);
  }
  int32_t Init() override { return inner_->Init(); }
  int32_t Terminate() override { return inner_->Terminate(); }
  bool Initialized() const override { return inner_->Initialized(); }
  int16_t PlayoutDevices() override { return inner_->PlayoutDevices(); }
  int16_t RecordingDevices() override { return inner_->RecordingDevices(); }
  int32_t PlayoutDeviceName(uint16_t i, char* n, char* g) override {
    return inner_->PlayoutDeviceName(i, n, g);
  }
  int32_t RecordingDeviceName(uint16_t i, char* n, char* g) override {
    return inner_->RecordingDeviceName(i, n, g);
  }
  int32_t SetPlayoutDevice(uint16_t i) override { return inner_->SetPlayoutDevice(i); }
  int32_t SetPlayoutDevice(WindowsDeviceType d) override { return inner_->SetPlayoutDevice(d); }
  int32_t SetRecordingDevice(uint16_t i) override { return inner_->SetRecordingDevice(i); }
  int32_t SetRecordingDevice(WindowsDeviceType d) override {
    return inner_->SetRecordingDevice(d);
  }
  int32_t PlayoutIsAvailable(bool* a) override { return inner_->PlayoutIsAvailable(a); }
  int32_t InitPlayout() override { return inner_->InitPlayout(); }
  bool PlayoutIsInitialized() const override { return inner_->PlayoutIsInitialized(); }
  int32_t RecordingIsAvailable(bool* a) override { return inner_->RecordingIsAvailable(a); }
  int32_t InitRecording() override {
    g_refused_init.fetch_add(1, std::memory_order_relaxed);
    return -1;
  }
  bool RecordingIsInitialized() const override { return false; }
  int32_t StartPlayout() override { return inner_->StartPlayout(); }
  int32_t StopPlayout() override { return inner_->StopPlayout(); }
  bool Playing() const override { return inner_->Playing(); }
  int32_t StartRecording() override {
    g_refused_start.fetch_add(1, std::memory_order_relaxed);
    return -1;
  }
  // The inner module never started recording through this wrapper; nothing to stop.
  int32_t StopRecording() override { return 0; }
  bool Recording() const override { return false; }
  int32_t InitSpeaker() override { return inner_->InitSpeaker(); }
  bool SpeakerIsInitialized() const override { return inner_->SpeakerIsInitialized(); }
  int32_t InitMicrophone() override { return inner_->InitMicrophone(); }
  bool MicrophoneIsInitialized() const override { return inner_->MicrophoneIsInitialized(); }
  int32_t SpeakerVolumeIsAvailable(bool* a) override {
    return inner_->SpeakerVolumeIsAvailable(a);
  }
  int32_t SetSpeakerVolume(uint32_t v) override { return inner_->SetSpeakerVolume(v); }
  int32_t SpeakerVolume(uint32_t* v) const override { return inner_->SpeakerVolume(v); }
  int32_t MaxSpeakerVolume(uint32_t* v) const override { return inner_->MaxSpeakerVolume(v); }
  int32_t MinSpeakerVolume(uint32_t* v) const override { return inner_->MinSpeakerVolume(v); }
  int32_t MicrophoneVolumeIsAvailable(bool* a) override {
    return inner_->MicrophoneVolumeIsAvailable(a);
  }
  int32_t SetMicrophoneVolume(uint32_t v) override { return inner_->SetMicrophoneVolume(v); }
  int32_t MicrophoneVolume(uint32_t* v) const override { return inner_->MicrophoneVolume(v); }
  int32_t MaxMicrophoneVolume(uint32_t* v) const override {
    return inner_->MaxMicrophoneVolume(v);
  }
  int32_t MinMicrophoneVolume(uint32_t* v) const override {
    return inner_->MinMicrophoneVolume(v);
  }
  int32_t SpeakerMuteIsAvailable(bool* a) override { return inner_->SpeakerMuteIsAvailable(a); }
  int32_t SetSpeakerMute(bool e) override { return inner_->SetSpeakerMute(e); }
  int32_t SpeakerMute(bool* e) const override { return inner_->SpeakerMute(e); }
  int32_t MicrophoneMuteIsAvailable(bool* a) override {
    return inner_->MicrophoneMuteIsAvailable(a);
  }
  int32_t SetMicrophoneMute(bool e) override { return inner_->SetMicrophoneMute(e); }
  int32_t MicrophoneMute(bool* e) const override { return inner_->MicrophoneMute(e); }
  int32_t StereoPlayoutIsAvailable(bool* a) const override {
    return inner_->StereoPlayoutIsAvailable(a);
  }
  int32_t SetStereoPlayout(bool e) override { return inner_->SetStereoPlayout(e); }
  int32_t StereoPlayout(bool* e) const override { return inner_->StereoPlayout(e); }
  int32_t StereoRecordingIsAvailable(bool* a) const override {
    return inner_->StereoRecordingIsAvailable(a);
  }
  int32_t SetStereoRecording(bool e) override { return inner_->SetStereoRecording(e); }
  int32_t StereoRecording(bool* e) const override { return inner_->StereoRecording(e); }
  int32_t PlayoutDelay(uint16_t* d) const override { return inner_->PlayoutDelay(d); }
  bool BuiltInAECIsAvailable() const override { return inner_->BuiltInAECIsAvailable(); }
  bool BuiltInAGCIsAvailable() const override { return inner_->BuiltInAGCIsAvailable(); }
  bool BuiltInNSIsAvailable() const override { return inner_->BuiltInNSIsAvailable(); }
  int32_t EnableBuiltInAEC(bool e) override { return inner_->EnableBuiltInAEC(e); }
  int32_t EnableBuiltInAGC(bool e) override { return inner_->EnableBuiltInAGC(e); }
  int32_t EnableBuiltInNS(bool e) override { return inner_->EnableBuiltInNS(e); }
  int32_t GetPlayoutUnderrunCount() const override { return inner_->GetPlayoutUnderrunCount(); }
  OptionalAudioDeviceStats GetStats() const override { return inner_->GetStats(); }

  // What the wrapped module itself says (tests: it must never be recording).
  bool InnerRecording() const { return inner_->Recording(); }

 private:
  ~NoRecordingModule() override {
    inner_->Release();
    g_live.fetch_sub(1);
  }

  AudioDeviceModule* const inner_;
  mutable std::atomic<int> refs_{1};
};

}  // namespace

extern "C" {

// Wraps the module at `inner_handle`, taking over the caller's reference on it; returns the
// wrapper (one reference, now the caller's), or 0 with a Java exception pending.
JNIEXPORT jlong JNICALL Java_io_github_jrtc_internal_jni_NativeAudioGuard_wrap(JNIEnv* env, jclass,
                                                                          jlong inner_handle) {
  if (inner_handle == 0) {
    jclass c = env->FindClass("java/lang/IllegalArgumentException");
    if (c != nullptr) env->ThrowNew(c, "no audio device module");
    return 0;
  }
  auto* inner = reinterpret_cast<AudioDeviceModule*>(inner_handle);
  auto* wrapper = new (std::nothrow) NoRecordingModule(inner);
  if (wrapper == nullptr) {
    jclass c = env->FindClass("java/lang/OutOfMemoryError");
    if (c != nullptr) env->ThrowNew(c, "audio device guard");
    return 0;
  }
  return reinterpret_cast<jlong>(static_cast<AudioDeviceModule*>(wrapper));
}

// Refused InitRecording calls, refused StartRecording calls, wrappers alive.
JNIEXPORT void JNICALL Java_io_github_jrtc_internal_jni_NativeAudioGuard_counters(JNIEnv* env, jclass,
                                                                             jlongArray out) {
  jlong v[3] = {g_refused_init.load(), g_refused_start.load(), g_live.load()};
  if (out != nullptr && env->GetArrayLength(out) >= 3) {
    env->SetLongArrayRegion(out, 0, 3, v);
  }
}

// Whether the module wrapped by `wrapper_handle` (a live wrapper from wrap()) is recording.
JNIEXPORT jboolean JNICALL Java_io_github_jrtc_internal_jni_NativeAudioGuard_innerRecording(
    JNIEnv*, jclass, jlong wrapper_handle) {
  if (wrapper_handle == 0) {
    return JNI_FALSE;
  }
  auto* module = reinterpret_cast<AudioDeviceModule*>(wrapper_handle);
  return static_cast<NoRecordingModule*>(module)->InnerRecording() ? JNI_TRUE : JNI_FALSE;
}

}  // extern "C"
